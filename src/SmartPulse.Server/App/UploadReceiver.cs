using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SmartPulse.Analysis.Data;
using SmartPulse.Server.Hosting;

namespace SmartPulse.Server.App;

/// <summary>
/// Receives an uploaded customer file: reads the multipart body as a stream (the CSRF field first, then the file),
/// copies the file to a temp file with a random name in the server's own folder (the user's file name is only
/// displayed, never used as a path), stops at the size limit, loads it with the streaming columnar reader (CSV/TSV,
/// gzip or Parquet, detected by content) and deletes the temp file.
/// </summary>
internal sealed class UploadReceiver(ServerOptions options, Secrets secrets, string tempDirectory)
{
    private static readonly string[] _extensions = [".csv", ".tsv", ".txt", ".parquet", ".gz"];

    /// <summary>Reads the upload of <paramref name="context"/> and returns the loaded table and the display name.</summary>
    /// <exception cref="InputException">Bad form, CSRF failure, wrong type, too large, or unreadable data (the message says which).</exception>
    public async Task<(LoadResult Loaded, string DisplayName)> ReceiveAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxUploadBytes + (64 * 1024);
        }

        if (context.Request.ContentLength > options.MaxUploadBytes + (64 * 1024))
        {
            throw TooLarge();
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new InputException("Upload the file with the form (multipart/form-data).", status: 415, title: "Unsupported media type");
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        string? csrf = null;
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(context.RequestAborted)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (!disposition.IsFileDisposition())
            {
                if (field == AppSession.CsrfField)
                {
                    using var sr = new StreamReader(section.Body, Encoding.UTF8);
                    csrf = await sr.ReadToEndAsync(context.RequestAborted);
                }

                continue;
            }

            // The token must come before the file: nothing is written to disk for a forged request.
            AppSession.CheckCsrf(context, secrets, csrf);
            var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload";
            var displayName = DisplayName(original);
            var extension = Path.GetExtension(displayName).ToLowerInvariant();
            if (!_extensions.Contains(extension))
            {
                throw new InputException($"'{displayName}' is not a CSV, TSV or Parquet file; upload a .csv, .tsv, .txt (optionally .gz) or .parquet file.", field: "file", value: displayName, status: 415, title: "Unsupported file type");
            }

            var temp = Path.Combine(tempDirectory, Secrets.NewId() + extension);
            try
            {
                await CopyBoundedAsync(section.Body, temp, context.RequestAborted);
                try
                {
                    var loaded = CsvLoader.Read(temp);
                    return (loaded with { SourcePath = displayName }, displayName);
                }
                catch (CsvFormatException ex)
                {
                    throw new InputException(ex.Message.Replace(temp, displayName, StringComparison.Ordinal), field: ex.Column, row: ex.Line, value: displayName);
                }
            }
            finally
            {
                File.Delete(temp);
            }
        }

        throw new InputException("The form has no file; choose a CSV or TSV file to upload.", field: "file");
    }

    private async Task CopyBoundedAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > options.MaxUploadBytes)
                {
                    throw TooLarge();
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    private InputException TooLarge() => new(
        $"The file is larger than the upload limit of {options.MaxUploadBytes / (1024 * 1024)} MB; sample it, or restart the server with a larger --max-upload.",
        field: "file", status: 413, title: "Upload too large");

    private static string DisplayName(string original)
    {
        var name = Path.GetFileName(original.Replace('\\', '/'));
        var clean = new string(name.Where(c => !char.IsControl(c)).Take(120).ToArray());
        return clean.Length == 0 ? "upload.csv" : clean;
    }
}
