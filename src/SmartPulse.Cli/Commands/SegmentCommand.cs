using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Cli.Errors;
using SmartPulse.Cli.Output;
using SmartPulse.Files;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse segment FILE --features "A,B" --k 5|auto [--algorithm kmeans|autoencoder|ward|dbscan]
/// [--scale standard|minmax|robust|none] [--restarts 10] [--seed 0] [--out segments.csv]
/// [--model model.zip] [--json]</c>: fits the preparation and the clustering, prints the metrics,
/// sizes and centroids, and optionally writes the segmented CSV and the model zip.
/// </summary>
public static class SegmentCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The customer CSV/TSV file." };
        var features = new Option<string>("--features") { Description = "Comma-separated numeric feature columns, e.g. \"Annual Income (k$),Spending Score (1-100)\".", Required = true };
        var k = new Option<string>("--k") { Description = "Number of segments, or 'auto' to pick it with a k sweep (2..10).", DefaultValueFactory = _ => "auto" };
        var algorithm = new Option<string>("--algorithm") { Description = "kmeans, autoencoder (autoencoder + KMeans), ward or dbscan.", DefaultValueFactory = _ => "kmeans" };
        algorithm.AcceptOnlyFromAmong("kmeans", "autoencoder", "ward", "dbscan");
        var scale = new Option<string>("--scale") { Description = "standard, minmax, robust or none.", DefaultValueFactory = _ => "standard" };
        scale.AcceptOnlyFromAmong("standard", "minmax", "robust", "none");
        var restarts = new Option<int>("--restarts") { Description = "KMeans restarts (lowest inertia kept).", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 0 };
        var eps = new Option<double>("--eps") { Description = "DBSCAN radius in scaled units.", DefaultValueFactory = _ => 0.5 };
        var minPoints = new Option<int>("--min-points") { Description = "DBSCAN minimum neighbours of a core point.", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out") { Description = "Write the segmented CSV here (original columns, model_* features, Segment)." };
        var model = new Option<string?>("--model") { Description = "Write the model zip here (for 'smartpulse score')." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (k, inertia, silhouette, calinski_harabasz, davies_bouldin, sizes, centroids); errors too, as {error, file, line, column, hint}." };
        var force = new Option<bool>("--force") { Description = "Replace a read-only --out or --model file." };
        var command = new Command("segment", "Segment the customers of a file: prepare, cluster, evaluate; export segments and the model.")
        {
            file, features, k, algorithm, scale, restarts, seed, eps, minPoints, output, model, json, force,
        };
        command.SetAction(p => Run(
            p.GetValue(file)!, p.GetValue(features)!, p.GetValue(k)!, p.GetValue(algorithm)!, p.GetValue(scale)!, p.GetValue(restarts),
            p.GetValue(seed), p.GetValue(eps), p.GetValue(minPoints), new Outputs(p.GetValue(output), p.GetValue(model), p.GetValue(force)), p.GetValue(json), console));
        return command;
    }

    private static int Run(string file, string features, string k, string algorithm, string scale, int restarts, int seed, double eps, int minPoints,
        Outputs outputs, bool json, CliConsole console)
    {
        var (output, modelPath, force) = outputs;
        int? kValue = null;
        if (!string.Equals(k, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return CliErrors.Report(console, json, new CliError($"--k must be a whole number or 'auto'; got '{k}'.", Hint: "For example --k 5, or --k auto to choose it with a k sweep."));
            }

            kValue = parsed;
        }

        var options = new SegmentationOptions
        {
            Features = features.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            K = kValue,
            Algorithm = algorithm switch { "ward" => SegmentationAlgorithm.Ward, "dbscan" => SegmentationAlgorithm.Dbscan, "autoencoder" => SegmentationAlgorithm.AutoencoderKMeans, _ => SegmentationAlgorithm.KMeans },
            Scale = scale switch { "minmax" => ScalingKind.MinMax, "robust" => ScalingKind.Robust, "none" => null, _ => ScalingKind.Standard },
            Restarts = restarts,
            Seed = seed,
            Eps = eps,
            MinPoints = minPoints,
        };

        try
        {
            // Refuse unsafe outputs before any work: never an input, never a device, FIFO or folder.
            InputFile[] inputs = [new(file, "input data")];
            if (output is not null)
            {
                OutputPaths.Check(output, "--out", force, inputs);
            }

            if (modelPath is not null)
            {
                OutputPaths.Check(modelPath, "--model", force, [.. inputs, .. output is null ? Array.Empty<InputFile>() : [new InputFile(output, "--out file")]]);
            }

            var frame = CsvLoader.Load(file);
            var run = Segmenter.Fit(frame, options);
            if (output is not null)
            {
                CsvExport.Write(SegmentTable.Build(frame, run.Prepared, run.Result.Labels, run.Model.Metadata.ModelFeatures), output, force);
            }

            if (modelPath is not null)
            {
                run.Model.Save(modelPath, force);
            }

            console.Out.Write(json ? ToJson(run, options) : ToText(run, options, output, modelPath));
            return CommandLine.Ok;
        }
        catch (Exception ex) when (ex is ArgumentException or CsvFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return CliErrors.Report(console, json, ex);
        }
    }

    private static string ToText(SegmentationRun run, SegmentationOptions options, string? output, string? modelPath)
    {
        var s = run.Scores;
        var lines = new List<string>
        {
            $"{run.Result.Algorithm}: {run.Result.ClusterCount} segments of {run.Features.Rows} customers on {string.Join(", ", options.Features)}, scaling: {run.Model.Metadata.Parameters["scale"]}",
        };
        if (run.Sweep is { } sweep)
        {
            lines.Add($"k chosen automatically: {sweep.RecommendedK}. " + string.Join(" ", sweep.Reasons));
        }

        lines.Add($"inertia {TextTable.Number(run.Result.Inertia)} · silhouette {Metric(s.Silhouette)} · Calinski–Harabasz {Metric(s.CalinskiHarabasz)} · Davies–Bouldin {Metric(s.DaviesBouldin)}");
        if (run.Result.NoiseCount > 0)
        {
            lines.Add($"noise (segment -1): {run.Result.NoiseCount} customers");
        }

        lines.AddRange(run.Result.Warnings.Concat(s.Warnings).Select(w => "warning: " + w));
        var table = new TextTable([">segment", ">size", ">share", .. options.Features.Select(f => ">" + f)]);
        for (var c = 0; c < run.Result.ClusterCount; c++)
        {
            table.Add([c.ToString(CultureInfo.InvariantCulture), run.Result.Sizes[c].ToString(CultureInfo.InvariantCulture),
                (100.0 * run.Result.Sizes[c] / run.Features.Rows).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                .. run.OriginalCentroids[c].Select(TextTable.Number)]);
        }

        var text = string.Join("\n", lines) + "\n\nSegment centroids (original units)\n" + table;
        if (output is not null)
        {
            text += $"\nsegments written to {Path.GetFullPath(output)}";
        }

        if (modelPath is not null)
        {
            text += $"\nmodel written to {Path.GetFullPath(modelPath)}";
        }

        return text + "\n";
    }

    private static string Metric(double? value) => value is { } v ? TextTable.Number(v) : "undefined";

    private static string ToJson(SegmentationRun run, SegmentationOptions options)
    {
        return JsonOutput.Write(w =>
        {

            w.WriteStartObject();
            w.WriteString("algorithm", run.Result.Algorithm);
            w.WriteNumber("k", run.Result.ClusterCount);
            JsonOutput.Number(w, "inertia", run.Result.Inertia);
            JsonOutput.Number(w, "silhouette", run.Scores.Silhouette);
            JsonOutput.Number(w, "calinski_harabasz", run.Scores.CalinskiHarabasz);
            JsonOutput.Number(w, "davies_bouldin", run.Scores.DaviesBouldin);
            w.WriteStartArray("sizes");
            foreach (var size in run.Result.Sizes)
            {
                w.WriteNumberValue(size);
            }

            w.WriteEndArray();
            w.WriteNumber("noise", run.Result.NoiseCount);
            w.WriteStartArray("warnings");
            foreach (var warning in run.Result.Warnings.Concat(run.Scores.Warnings))
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            w.WriteStartArray("centroids");
            foreach (var centroid in run.OriginalCentroids)
            {
                w.WriteStartObject();
                for (var j = 0; j < options.Features.Count; j++)
                {
                    JsonOutput.Number(w, options.Features[j], centroid[j]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("centroids_model_space");
            foreach (var centroid in run.Result.Centroids)
            {
                w.WriteStartArray();
                foreach (var v in centroid)
                {
                    if (double.IsFinite(v))
                    {
                        w.WriteNumberValue(v);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private sealed record Outputs(string? Segments, string? Model, bool Force);
}
