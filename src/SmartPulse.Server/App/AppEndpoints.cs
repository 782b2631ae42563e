using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Server.App.Pages;
using SmartPulse.Server.Hosting;

namespace SmartPulse.Server.App;

/// <summary>
/// The web app's routes: start page, upload, bundled dataset, dataset page, segment, job progress/results, cancel and
/// the downloads. Every POST checks the session's CSRF token; datasets and jobs are visible only to their session.
/// </summary>
internal sealed class AppEndpoints(ServerOptions options, Secrets secrets, JobRunner jobs, UploadReceiver uploads)
{
    private readonly BoundedStore<StoredDataset> _datasets = new(options.MaxDatasets);

    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext c) => Html(HomePage.Render(AppSession.CsrfToken(c, secrets), options.MaxUploadBytes))).ExcludeFromDescription();
        app.MapPost("/app/upload", (Func<HttpContext, Task<IResult>>)Upload).ExcludeFromDescription();
        app.MapPost("/app/bundled", (Func<HttpContext, Task<IResult>>)Bundled).ExcludeFromDescription();
        app.MapGet("/app/datasets/{id}", (HttpContext c, string id) => Dataset(c, id) is { } d
            ? Html(DatasetPage.Render(d, AppSession.CsrfToken(c, secrets)))
            : NotFound("dataset")).ExcludeFromDescription();
        app.MapPost("/app/datasets/{id}/segment", Segment).ExcludeFromDescription();
        app.MapGet("/app/jobs/{id}", (HttpContext c, string id) => Job(c, id) is { } j
            ? Html(JobPage.Render(j, AppSession.CsrfToken(c, secrets)))
            : NotFound("job")).ExcludeFromDescription();
        app.MapGet("/app/jobs/{id}/status", (HttpContext c, string id) => Job(c, id) is { } j
            ? Results.Json(new { state = j.State.ToString().ToLowerInvariant(), stages = j.Stages, error = j.Error })
            : NotFound("job")).ExcludeFromDescription();
        app.MapPost("/app/jobs/{id}/cancel", Cancel).ExcludeFromDescription();
        app.MapGet("/app/jobs/{id}/segments.csv", (HttpContext c, string id) => Job(c, id) is { Result: { } r } j
            ? Results.File(r.SegmentedCsv, "text/csv; charset=utf-8", DownloadName(j, "_segments.csv"))
            : NotFound("finished job")).ExcludeFromDescription();
        app.MapGet("/app/jobs/{id}/model.zip", (HttpContext c, string id) => Job(c, id) is { Result: { } r } j
            ? Results.File(r.ModelZip, "application/zip", DownloadName(j, "_model.zip"))
            : NotFound("finished job")).ExcludeFromDescription();
    }

    private async Task<IResult> Upload(HttpContext context)
    {
        try
        {
            var (loaded, name) = await uploads.ReceiveAsync(context);
            return Store(context, name, loaded, null);
        }
        catch (InputException ex) when (ex.Status is 400 or 413 or 415)
        {
            context.Response.StatusCode = ex.Status;
            return Html(HomePage.Render(AppSession.CsrfToken(context, secrets), options.MaxUploadBytes, ex.Message), ex.Status);
        }
    }

    private async Task<IResult> Bundled(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        AppSession.CheckCsrf(context, secrets, form[AppSession.CsrfField]);
        var file = form["dataset"].ToString();
        var descriptor = Datasets.All.FirstOrDefault(d => d.FileName == file);
        if (descriptor is null)
        {
            return Html(HomePage.Render(AppSession.CsrfToken(context, secrets), options.MaxUploadBytes, $"No bundled dataset '{file}'."), 400);
        }

        return Store(context, descriptor.Title, descriptor.Read(), descriptor);
    }

    private IResult Store(HttpContext context, string name, LoadResult loaded, DatasetDescriptor? descriptor)
    {
        var dataset = new StoredDataset(Secrets.NewId(), AppSession.Id(context, secrets), name, loaded, descriptor);
        _datasets.Add(dataset.Id, dataset);
        return Results.Redirect("/app/datasets/" + dataset.Id, permanent: false, preserveMethod: false);
    }

    private async Task<IResult> Segment(HttpContext context, string id)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        AppSession.CheckCsrf(context, secrets, form[AppSession.CsrfField]);
        if (Dataset(context, id) is not { } dataset)
        {
            return NotFound("dataset");
        }

        try
        {
            var segmentation = ParseOptions(form, dataset);
            var job = jobs.Start(AppSession.Id(context, secrets), dataset, segmentation);
            return Results.Redirect("/app/jobs/" + job.Id);
        }
        catch (InputException ex)
        {
            return Html(DatasetPage.Render(dataset, AppSession.CsrfToken(context, secrets), ex.Message), 400);
        }
    }

    private async Task<IResult> Cancel(HttpContext context, string id)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        AppSession.CheckCsrf(context, secrets, form[AppSession.CsrfField]);
        if (Job(context, id) is not { } job)
        {
            return NotFound("job");
        }

        if (job.IsActive)
        {
            await job.Cancellation.CancelAsync();
        }

        return Results.Redirect("/app/jobs/" + job.Id);
    }

    /// <summary>Reads the method form into segmentation options (the same options the CLI builds).</summary>
    internal static SegmentationOptions ParseOptions(IFormCollection form, StoredDataset dataset)
    {
        var features = form["features"].Where(f => !string.IsNullOrEmpty(f)).Select(f => f!).ToArray();
        if (features.Length == 0)
        {
            throw new InputException("Tick at least one numeric feature column.", field: "features");
        }

        var auto = form["auto"].Count > 0;
        var algorithm = form["algorithm"].ToString() switch
        {
            "kmeans" or "" => SegmentationAlgorithm.KMeans,
            "autoencoder" => SegmentationAlgorithm.AutoencoderKMeans,
            "ward" => SegmentationAlgorithm.Ward,
            "dbscan" => SegmentationAlgorithm.Dbscan,
            var other => throw new InputException($"Unknown algorithm '{other}'; choose kmeans, autoencoder, ward or dbscan.", field: "algorithm", value: other),
        };
        ScalingKind? scale = form["scale"].ToString() switch
        {
            "standard" or "" => ScalingKind.Standard,
            "minmax" => ScalingKind.MinMax,
            "robust" => ScalingKind.Robust,
            "none" => null,
            var other => throw new InputException($"Unknown scaling '{other}'; choose standard, minmax, robust or none.", field: "scale", value: other),
        };
        return new SegmentationOptions
        {
            Features = features,
            K = auto ? null : Int(form, "k", 4, 2, Math.Max(2, Math.Min(50, (int)dataset.Loaded.Frame.Rows.Count))),
            Algorithm = algorithm,
            Scale = scale,
            Seed = Int(form, "seed", 0, 0, int.MaxValue),
            Restarts = Int(form, "restarts", 10, 1, 100),
            Eps = Double(form, "eps", 0.5),
            MinPoints = Int(form, "minPoints", 5, 1, 1000),
            Sweep = true,
        };
    }

    private static int Int(IFormCollection form, string field, int fallback, int min, int max)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InputException($"'{field}' must be a whole number from {min} to {max}; got '{text}'.", field: field, value: text);
    }

    private static double Double(IFormCollection form, string field, double fallback)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v)
            ? v
            : throw new InputException($"'{field}' must be a positive number such as 0.5; got '{text}'.", field: field, value: text);
    }

    private StoredDataset? Dataset(HttpContext context, string id) =>
        _datasets.Get(id) is { } d && d.Owner == AppSession.Id(context, secrets) ? d : null;

    private SegmentJob? Job(HttpContext context, string id) => jobs.Find(id, AppSession.Id(context, secrets));

    private static string DownloadName(SegmentJob job, string suffix)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(job.Dataset.DisplayName).Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_').Take(60).ToArray());
        return (stem.Length == 0 ? "customers" : stem) + suffix;
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", null, status);

    private static IResult NotFound(string what) => Html(Layout.Page("Not found", $"<h1>Not found</h1><p>This {HtmlEncode(what)} does not exist in your session (it may have expired, or the server restarted). <a href=\"/\">Start again</a>.</p>"), 404);

    private static string HtmlEncode(string text) => SmartPulse.Text.HtmlText.Encode(text);
}
