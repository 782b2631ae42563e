using System.IO.Compression;
using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Opens a delimited file for streaming: resolves and checks the path, recognises gzip by its magic
/// bytes (any extension), skips a UTF-8 BOM, detects UTF-16 (BOM or zero-byte pattern) and names it,
/// transcodes a declared non-UTF-8 encoding, and checks a gzip file's trailer at the end so a
/// truncated download is an error, not a silently shorter table.
/// </summary>
internal static class InputFile
{
    /// <summary>Resolves <paramref name="path"/> and throws a clear <see cref="FileNotFoundException"/> if it is not a file.</summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            var hint = Directory.Exists(fullPath) ? " It is a directory; pass a file inside it." : " Check the path (relative paths resolve against the current directory, " + Environment.CurrentDirectory + ").";
            throw new FileNotFoundException($"{fullPath}: file not found.{hint}", fullPath);
        }

        return fullPath;
    }

    /// <summary>True when the file starts with the gzip magic bytes.</summary>
    public static bool IsGzip(string fullPath)
    {
        using var f = File.OpenRead(fullPath);
        Span<byte> head = stackalloc byte[2];
        return f.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    /// <summary>3 when the file starts with a UTF-8 byte order mark (which <see cref="OpenUtf8"/> skips), else 0.</summary>
    public static int BomLength(string fullPath)
    {
        using var f = File.OpenRead(fullPath);
        Span<byte> head = stackalloc byte[3];
        return f.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
    }

    /// <summary>True when the file starts with the Parquet magic bytes <c>PAR1</c>.</summary>
    public static bool IsParquet(string fullPath)
    {
        using var f = File.OpenRead(fullPath);
        Span<byte> head = stackalloc byte[4];
        return f.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PAR1"u8);
    }

    /// <summary>
    /// Opens <paramref name="fullPath"/> as a UTF-8 byte stream positioned after any BOM.
    /// <paramref name="progress"/> reports the bytes of the file itself consumed so far (compressed bytes for gzip).
    /// </summary>
    public static Stream OpenUtf8(string fullPath, Encoding? encoding, out Func<long> progress)
    {
        var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        progress = () => file.CanSeek && file.SafeFileHandle.IsClosed == false ? file.Position : 0;
        Stream stream = file;
        if (IsGzip(fullPath))
        {
            stream = new CheckedGzipStream(file, fullPath);
        }

        var head = new byte[4096];
        var buffered = new BufferedPrefixStream(stream);
        var n = buffered.Peek(head);
        var prefix = head.AsSpan(0, n);
        if (encoding is not null && encoding.CodePage != Encoding.UTF8.CodePage)
        {
            return Encoding.CreateTranscodingStream(buffered, encoding, Encoding.UTF8, leaveOpen: false);
        }

        if (prefix.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            buffered.Skip(3);
            return buffered;
        }

        var utf16 = DetectUtf16(prefix);
        if (utf16 is not null)
        {
            buffered.Dispose();
            throw new CsvFormatException(fullPath, null, null,
                $"the file is {utf16}, not UTF-8. Pass --encoding utf-16 (CsvOptions.Encoding = Encoding.Unicode), or convert it: iconv -f UTF-16 -t UTF-8 in.csv > out.csv (Excel: Save As 'CSV UTF-8').");
        }

        return buffered;
    }

    /// <summary>Names UTF-16 content (by BOM or by the zero bytes of ASCII text), or null.</summary>
    internal static string? DetectUtf16(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return "UTF-16 little-endian (with BOM)";
        }

        if (prefix.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return "UTF-16 big-endian (with BOM)";
        }

        var pairs = prefix.Length / 2;
        if (pairs < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZeros += prefix[i] == 0 ? 1 : 0;
            oddZeros += prefix[i + 1] == 0 ? 1 : 0;
        }

        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            return "UTF-16 little-endian (no BOM)";
        }

        return evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05 ? "UTF-16 big-endian (no BOM)" : null;
    }

    /// <summary>Reads into <paramref name="buffer"/>, turning decompression failures into a clear error.</summary>
    public static int ReadChecked(Stream stream, byte[] buffer, string source)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException ex)
        {
            var problem = ex.Message.StartsWith("the gzip", StringComparison.Ordinal)
                ? ex.Message + "."
                : $"the gzip data is corrupt ({ex.Message}). Download or compress the file again; 'gzip -t FILE' checks it.";
            throw new CsvFormatException(source, null, null, problem);
        }
    }
}
