using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Analysis.Samples;
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
        var miniBatch = new Option<int?>("--mini-batch") { Description = "Mini-batch k-means with this batch size (scikit-learn's MiniBatchKMeans, e.g. 1024) instead of exact Lloyd; for very large files." };
        var data = new DataOptions();
        var command = new Command("segment", "Segment the customers of a file: prepare, cluster, evaluate; export segments and the model.")
        {
            file, features, k, algorithm, scale, restarts, seed, eps, minPoints, output, model, json, force, miniBatch,
        };
        data.AddTo(command, DataOptionSet.All);
        command.SetAction(p =>
        {
            CsvOptions csv;
            var path = p.GetValue(file)!;
            try
            {
                csv = data.Apply(p);
                data.CheckInput(p, path);
            }
            catch (ArgumentException ex)
            {
                return CliErrors.Report(console, p.GetValue(json), ex);
            }

            var large = new LargeData(data.Sample(p), p.GetValue(miniBatch), data.Float32(p), data.OutOfCore(p, path), p.GetValue(output) is { } o && data.WritesParquet(p, o));
            return Run(
                path, p.GetValue(features)!, p.GetValue(k)!, p.GetValue(algorithm)!, p.GetValue(scale)!, p.GetValue(restarts),
                p.GetValue(seed), p.GetValue(eps), p.GetValue(minPoints), new Outputs(p.GetValue(output), p.GetValue(model), p.GetValue(force)), p.GetValue(json), console, csv, large);
        });
        return command;
    }

    private static int Run(string file, string features, string k, string algorithm, string scale, int restarts, int seed, double eps, int minPoints,
        Outputs outputs, bool json, CliConsole console, CsvOptions csv, LargeData large)
    {
        var (sample, miniBatch, _, _, parquetOut) = large;
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
            Naming = SampleNaming.ForFile(file),
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

            if (options.Algorithm == SegmentationAlgorithm.KMeans && (large.OutOfCore || large.Float32))
            {
                return SegmentColumnar.RunChunked(file, csv, options, large, output, modelPath, force, json, console);
            }

            ColumnarTable table;
            using (var bar = ProgressBar.For(console, json, "reading"))
            {
                table = ColumnarReader.Read(file, csv, options.Features.Distinct().ToArray(), bar.Enabled ? bar.Report : null);
            }

            if (table.Columns.FirstOrDefault(c => options.Features.Contains(c.Name) && c.Kind is not (ColumnKind.Integer or ColumnKind.Double)) is { } text)
            {
                throw new ArgumentException(ColumnarTable.NotNumericMessage(table.SourcePath, text));
            }

            if (options.Algorithm == SegmentationAlgorithm.KMeans && (table.Rows > SegmentColumnar.ColumnarFromRows || sample is not null || miniBatch is not null))
            {
                return SegmentColumnar.Run(table, csv, options, large, output, modelPath, force, json, console);
            }

            var frame = ColumnarReader.Read(file, csv).ToDataFrame();
            var run = Segmenter.Fit(frame, options);
            if (output is not null)
            {
                var segmented = SegmentTable.Build(frame, run.Prepared, run.Result.Labels, run.Model.Metadata.ModelFeatures);
                if (parquetOut)
                {
                    ParquetExport.Write(segmented, output, force);
                }
                else
                {
                    CsvExport.Write(segmented, output, force);
                }
            }

            if (modelPath is not null)
            {
                run.Model.Save(modelPath, force);
            }

            console.Out.Write(json ? ToJson(run.Result, run.Scores, run.OriginalCentroids, options) : ToText(run.Result, run.Scores, run.Features.Rows, run.Model.Metadata.Parameters["scale"], run.Sweep, run.OriginalCentroids, options, output, modelPath));
            return CommandLine.Ok;
        }
        catch (Exception ex) when (ex is ArgumentException or CsvFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return CliErrors.Report(console, json, ex);
        }
    }

    internal static string ToText(ClusteringResult result, ClusterScores scores, int rows, string scaleName, KSweepResult? sweep, IReadOnlyList<IReadOnlyList<double>> original, SegmentationOptions options, string? output, string? modelPath)
    {
        var s = scores;
        var lines = new List<string>
        {
            $"{result.Algorithm}: {result.ClusterCount} segments of {rows} customers on {string.Join(", ", options.Features)}, scaling: {scaleName}",
        };
        if (sweep is not null)
        {
            lines.Add($"k chosen automatically: {sweep.RecommendedK}. " + string.Join(" ", sweep.Reasons));
        }

        lines.Add($"inertia {ConsoleTable.Number(result.Inertia)} · silhouette {Metric(s.Silhouette)} · Calinski–Harabasz {Metric(s.CalinskiHarabasz)} · Davies–Bouldin {Metric(s.DaviesBouldin)}");
        if (result.NoiseCount > 0)
        {
            lines.Add($"noise (segment -1): {result.NoiseCount} customers");
        }

        lines.AddRange(result.Warnings.Concat(s.Warnings).Select(w => "warning: " + w));
        var table = new ConsoleTable([">segment", ">size", ">share", .. options.Features.Select(f => ">" + f)]);
        for (var c = 0; c < result.ClusterCount; c++)
        {
            table.Add([c.ToString(CultureInfo.InvariantCulture), result.Sizes[c].ToString(CultureInfo.InvariantCulture),
                (100.0 * result.Sizes[c] / rows).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                .. original[c].Select(ConsoleTable.Number)]);
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

    private static string Metric(double? value) => value is { } v ? ConsoleTable.Number(v) : "undefined";

    internal static string ToJson(ClusteringResult result, ClusterScores scores, IReadOnlyList<IReadOnlyList<double>> original, SegmentationOptions options)
    {
        return JsonOutput.Write(w =>
        {

            w.WriteStartObject();
            w.WriteString("algorithm", result.Algorithm);
            w.WriteNumber("k", result.ClusterCount);
            JsonOutput.Number(w, "inertia", result.Inertia);
            JsonOutput.Number(w, "silhouette", scores.Silhouette);
            JsonOutput.Number(w, "calinski_harabasz", scores.CalinskiHarabasz);
            JsonOutput.Number(w, "davies_bouldin", scores.DaviesBouldin);
            w.WriteStartArray("sizes");
            foreach (var size in result.Sizes)
            {
                w.WriteNumberValue(size);
            }

            w.WriteEndArray();
            w.WriteNumber("noise", result.NoiseCount);
            w.WriteStartArray("warnings");
            foreach (var warning in result.Warnings.Concat(scores.Warnings))
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            w.WriteStartArray("centroids");
            foreach (var centroid in original)
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
            foreach (var centroid in result.Centroids)
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

    /// <summary>The large-data choices: k-sweep sample, mini-batch size, float32 storage, out-of-core streaming, Parquet output.</summary>
    internal sealed record LargeData(int? Sample, int? MiniBatch, bool Float32, bool OutOfCore, bool ParquetOut);
}
