using System.CommandLine;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Cli.Errors;
using SmartPulse.Cli.Output;
using SmartPulse.Files;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse score --model model.zip FILE --out scored.csv [--force] [--json]</c>: labels new
/// customers with a saved segmentation, exactly as the fit did. Missing feature values are filled
/// with the model's training medians (as <c>segment</c> filled them) and counted; a file that
/// <c>segment --out</c> wrote can be scored again (its <c>Segment</c> and <c>model_*</c> columns are
/// replaced, and the output says so). Missing columns, and an <c>--out</c> that is the input or the
/// model, exit 2 naming them.
/// </summary>
public static class ScoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The customer file to score." };
        var model = new Option<string>("--model") { Description = "A model zip written by 'smartpulse segment --model'.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the scored CSV (never the input or the model).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a read-only --out file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (scored, sizes, imputed, replaced_columns, out); errors too, as {error, file, line, column, hint}." };
        var command = new Command("score", "Label new customers with a saved segmentation model.") { file, model, output, force, json };
        var data = new DataOptions();
        data.AddTo(command, DataOptionSet.Reading | DataOptionSet.Streaming | DataOptionSet.Output);
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

            var target = p.GetValue(output)!;
            var how = new ScoreOutput(data.WritesParquet(p, target), data.OutOfCore(p, path, StreamedFromBytes));
            return Run(path, p.GetValue(model)!, target, p.GetValue(force), p.GetValue(json), console, csv, how);
        });
        return command;
    }

    /// <summary>Delimited inputs at least this big are scored streamed (bounded memory) even without <c>--out-of-core</c>.</summary>
    public const long StreamedFromBytes = 256L << 20;

    private static int Run(string file, string modelPath, string output, bool force, bool json, CliConsole console, CsvOptions csv, ScoreOutput how)
    {
        try
        {
            OutputPaths.Check(output, "--out", force, new InputFile(file, "input data"), new InputFile(modelPath, "model"));
            var model = SegmentationModel.Load(modelPath);
            if (how.Streamed && StreamedSegmentExport.Supports(model) && !ColumnarReader.IsParquetFile(file))
            {
                StreamedScoreSummary summary;
                using (var bar = ProgressBar.For(console, json, "scoring"))
                {
                    summary = StreamedSegmentExport.Write(file, csv, model, output, force, how.Parquet, bar.Enabled ? bar.Report : null);
                }

                return Report(console, json, file, model, Path.GetFullPath(output), summary.Rows,
                    [.. summary.Sizes.Select((count, segment) => (segment, count)).Where(s => s.count > 0)], summary.Imputed, summary.Replaced);
            }

            var (original, replaced) = SegmentTable.WithoutSegmentColumns(ColumnarReader.Read(file, csv).ToDataFrame(), model.Metadata.ModelFeatures);
            var (filled, imputed) = model.ImputeMissing(original);
            var (prepared, segments) = model.Score(filled);
            var written = Path.GetFullPath(output);

            // The customer's own columns are written as read (gaps stay gaps); the model_* columns show the filled values.
            var table = SegmentTable.Build(original, prepared, segments, model.Metadata.ModelFeatures);
            if (how.Parquet)
            {
                ParquetExport.Write(table, output, force);
            }
            else
            {
                CsvExport.Write(table, output, force);
            }
            var sizes = segments.GroupBy(s => s).OrderBy(g => g.Key).Select(g => (Segment: g.Key, Count: (long)g.Count())).ToList();
            return Report(console, json, file, model, written, segments.Length, sizes, imputed, replaced);
        }
        catch (Exception ex) when (ex is ArgumentException or CsvFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return CliErrors.Report(console, json, ex);
        }
    }

    private static int Report(CliConsole console, bool json, string file, SegmentationModel model, string written, long scored,
        IReadOnlyList<(int Segment, long Count)> sizes, IReadOnlyDictionary<string, long> imputed, IReadOnlyList<string> replaced)
    {
        if (json)
        {
            console.Out.Write(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("scored", scored);
                w.WriteString("algorithm", model.Metadata.Algorithm);
                w.WriteStartObject("sizes");
                foreach (var (segment, count) in sizes)
                {
                    w.WriteNumber(segment.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
                }

                w.WriteEndObject();
                w.WriteStartObject("imputed");
                foreach (var (column, count) in imputed)
                {
                    w.WriteNumber(column, count);
                }

                w.WriteEndObject();
                w.WriteStartArray("replaced_columns");
                foreach (var column in replaced)
                {
                    w.WriteStringValue(column);
                }

                w.WriteEndArray();
                w.WriteString("out", written);
                w.WriteEndObject();
            }));
            return CommandLine.Ok;
        }

        if (replaced.Count > 0)
        {
            console.Out.WriteLine($"note: {Path.GetFileName(file)} already has segment columns ({string.Join(", ", replaced)}), as 'segment --out' writes them; they were replaced by this model's.");
        }

        foreach (var (column, count) in imputed)
        {
            console.Out.WriteLine($"imputed {count} missing value(s) of '{column}' with the training median {Median(model, column).ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        console.Out.WriteLine($"scored {scored} customers with {model.Metadata.Algorithm} ({model.Metadata.Sizes.Count} segments) → {written}");
        console.Out.WriteLine($"segment sizes: {string.Join(", ", sizes.Select(s => $"{s.Segment}: {s.Count}"))}");
        return CommandLine.Ok;
    }

    private static double Median(SegmentationModel model, string column) =>
        model.Metadata.TrainingMedians is { } medians && medians.TryGetValue(column, out var median) ? median
        : model.Pipeline.Steps.OfType<Analysis.Preparation.FittedImputer>().SelectMany(i => i.Fills).FirstOrDefault(f => f.Column == column)?.Number
        ?? double.NaN;

    private sealed record ScoreOutput(bool Parquet, bool Streamed);
}
