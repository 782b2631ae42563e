using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// The large-file branches of <c>segment</c>: KMeans on the columnar path (<see cref="ColumnarSegmenter"/>: features
/// held once in a contiguous matrix, k sweep on a sample) or out of core (<see cref="ChunkedSegmenter"/>: the file
/// streamed in blocks, one label per row held; <c>--float32</c> holds the features once as float32). The segmented
/// file (CSV or Parquet) is streamed from another read of the input (<see cref="StreamedSegmentExport"/>), and the
/// printed summary and model zip are the in-memory path's.
/// </summary>
internal static class SegmentColumnar
{
    /// <summary>KMeans on more rows than this takes the columnar path (smaller files keep the DataFrame path and its exact metrics).</summary>
    public const int ColumnarFromRows = 200_000;

    public static int Run(ColumnarTable table, CsvOptions csv, Analysis.Segmentation.SegmentationOptions options, SegmentCommand.LargeData large, string? output, string? modelPath, bool force, bool json, CliConsole console)
    {
        var run = ColumnarSegmenter.Fit(table, options, large.Sample, large.MiniBatch);
        return Finish(run, table.SourcePath, csv, options, large, output, modelPath, force, json, console);
    }

    public static int RunChunked(string file, CsvOptions csv, Analysis.Segmentation.SegmentationOptions options, SegmentCommand.LargeData large, string? output, string? modelPath, bool force, bool json, CliConsole console)
    {
        ColumnarSegmentation run;
        using (var bar = ProgressBar.For(console, json, "segmenting"))
        {
            run = ChunkedSegmenter.Fit(file, csv, options, large.Sample, large.MiniBatch, bar.Enabled ? bar.Report : null, float32: large.Float32);
        }

        return Finish(run, file, csv, options, large, output, modelPath, force, json, console);
    }

    private static int Finish(ColumnarSegmentation run, string file, CsvOptions csv, Analysis.Segmentation.SegmentationOptions options, SegmentCommand.LargeData large,
        string? output, string? modelPath, bool force, bool json, CliConsole console)
    {
        if (output is not null)
        {
            if (ColumnarReader.IsParquetFile(file))
            {
                throw new ArgumentException($"--out: the segmented file of a Parquet input is written from a DataFrame (at most {ColumnarFromRows:N0} rows here); convert the input to CSV to stream it, or score the Parquet file with 'smartpulse score'.");
            }

            using var bar = ProgressBar.For(console, json, "writing");
            StreamedSegmentExport.Write(file, csv, run.Model, output, force, large.ParquetOut, bar.Enabled ? bar.Report : null);
        }

        if (modelPath is not null)
        {
            run.Model.Save(modelPath, force);
        }

        var text = json
            ? SegmentCommand.ToJson(run.Result, run.Scores, run.OriginalCentroids, options)
            : SegmentCommand.ToText(run.Result, run.Scores, run.Result.Labels.Count, run.Model.Metadata.Parameters["scale"], run.Sweep, run.OriginalCentroids, options, output, modelPath);
        if (!json && run.ImputedCells > 0)
        {
            text += $"{run.ImputedCells} missing feature values were filled with the column median.\n";
        }

        console.Out.Write(text);
        return CommandLine.Ok;
    }
}
