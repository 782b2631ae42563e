using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using SmartPulse.Server.Hosting;

namespace SmartPulse.Server.Scoring;

/// <summary>
/// The scoring API: <c>POST /api/score</c> (JSON rows or CSV), <c>GET /api/models</c>, <c>GET /api/models/{name}</c>
/// and <c>GET /healthz</c>. Every error is <c>application/problem+json</c>.
/// </summary>
internal static class ScoringEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app, ModelRegistry models, ServerOptions options)
    {
        app.MapGet("/healthz", () => Results.Json(new HealthReport("ok", models.All.Count)))
            .WithName("Health").WithSummary("Liveness: 200 with the number of loaded models.").Produces<HealthReport>();

        var api = app.MapGroup("/api").WithTags("scoring");
        api.MapGet("/models", () => Results.Json(models.All.Select(ModelViews.Summary).ToList()))
            .WithName("ListModels").WithSummary("The loaded models.").Produces<List<ModelSummary>>();

        api.MapGet("/models/{name}", (string name) => models.Find(name) is { } m
                ? Results.Json(ModelViews.Detail(m))
                : UnknownModel(name, models))
            .WithName("GetModel").WithSummary("A model's input features, k, centroids in original units, segment names and training metadata.")
            .Produces<ModelDetail>().ProducesProblem(404);

        api.MapPost("/score", (HttpContext context, string? model) => Score(context, model, models, options))
            .WithName("Score")
            .WithSummary("Segment customers with a loaded model. Body: JSON {\"model\": name, \"rows\": [{column: value, ...}]} (or a bare array with ?model=), or text/csv with a header row and ?model=. Returns segment id, name and distances to every centroid per row.")
            .Accepts<ScoreRequest>("application/json", "text/csv")
            .Produces<ScoreResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415);
    }

    private static async Task<IResult> Score(HttpContext context, string? modelName, ModelRegistry models, ServerOptions options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxApiBodyBytes;
        }

        if (context.Request.ContentLength > options.MaxApiBodyBytes)
        {
            return TooLarge(context.Request.ContentLength.Value, options.MaxApiBodyBytes);
        }

        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        try
        {
            switch (mediaType)
            {
                case "application/json":
                {
                    using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
                    var root = document.RootElement;
                    JsonElement rows;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        if (root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
                        {
                            modelName ??= m.GetString();
                        }

                        if (!root.TryGetProperty("rows", out rows))
                        {
                            throw new InputException("The JSON body has no \"rows\": send {\"model\": \"name\", \"rows\": [{\"column\": value, ...}]}.", field: "rows");
                        }
                    }
                    else
                    {
                        rows = root;
                    }

                    var model = Resolve(modelName, models);
                    return Results.Json(Run(model, ScoreInput.FromJson(rows, model, options.MaxScoreRows)));
                }

                case "text/csv" or "text/tab-separated-values" or "text/plain":
                {
                    var model = Resolve(modelName, models);
                    using var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false, true));
                    var text = await reader.ReadToEndAsync(context.RequestAborted);
                    return Results.Json(Run(model, ScoreInput.FromCsv(text, model, options.MaxScoreRows)));
                }

                default:
                    return Problems.Result(415, "Unsupported media type",
                        $"Content-Type '{context.Request.ContentType}' is not accepted; send application/json or text/csv.", field: "Content-Type", value: context.Request.ContentType);
            }
        }
        catch (InputException ex)
        {
            return Problems.From(ex);
        }
        catch (JsonException ex)
        {
            return Problems.Result(400, "Invalid JSON", $"The body is not valid JSON: {ex.Message}", row: ex.LineNumber is { } l ? (int)l : null);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Result(400, "Invalid encoding", "The CSV body is not valid UTF-8; send it as UTF-8.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(null, options.MaxApiBodyBytes);
        }
        catch (ArgumentException ex)
        {
            return Problems.Result(400, "Invalid input", ex.Message);
        }
    }

    private static LoadedModel Resolve(string? name, ModelRegistry models)
    {
        if (string.IsNullOrEmpty(name))
        {
            var all = models.All;
            return all.Count == 1
                ? all[0]
                : throw new InputException(all.Count == 0
                    ? "No model is loaded; start the server with --model model.zip."
                    : $"Say which model: \"model\" in the body or ?model=. Loaded: {string.Join(", ", all.Select(m => m.Name))}.", field: "model");
        }

        return models.Find(name) ?? throw new InputException(
            $"No model named '{name}'. Loaded: {(models.All.Count == 0 ? "none" : string.Join(", ", models.All.Select(m => m.Name)))}.",
            field: "model", value: name, status: 404, title: "Unknown model");
    }

    private static ScoreResponse Run(LoadedModel model, Microsoft.Data.Analysis.DataFrame frame)
    {
        // Missing values get the training medians, exactly as 'smartpulse score' fills them.
        var (filled, imputed) = model.Model.ImputeMissing(frame);
        var (prepared, segments, distances) = model.Model.ScoreWithDistances(filled);
        var results = new ScoredRow[frame.Rows.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new ScoredRow(i, null, null, null);
        }

        for (var kept = 0; kept < segments.Length; kept++)
        {
            var source = prepared.SourceRows[kept];
            results[source] = new ScoredRow(source, segments[kept], model.Model.Metadata.NameOf(segments[kept]), distances?[kept]);
        }

        var medians = model.Model.Metadata.TrainingMedians;
        var warnings = imputed
            .Select(p => $"'{p.Key}': {p.Value} missing value(s) filled with the training median {medians![p.Key].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.")
            .Concat(prepared.Warnings)
            .ToList();
        return new ScoreResponse(model.Name, results.Length, results, warnings);
    }

    private static IResult UnknownModel(string name, ModelRegistry models) => Problems.Result(404, "Unknown model",
        $"No model named '{name}'. Loaded: {(models.All.Count == 0 ? "none" : string.Join(", ", models.All.Select(m => m.Name)))}.", field: "name", value: name);

    private static IResult TooLarge(long? length, long limit) => Problems.Result(413, "Request too large",
        $"The body{(length is { } l ? $" is {l} bytes and" : string.Empty)} exceeds the {limit}-byte limit of the scoring API; send fewer rows per request (or raise --max-body).");
}
