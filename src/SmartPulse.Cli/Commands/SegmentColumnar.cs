using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// The large-file branch of <c>segment</c>: KMeans on the columnar path (<see cref="ColumnarSegmenter"/>:
/// features held once in a contiguous matrix, k sweep on a sample), the segmented CSV streamed from a
/// second read of the input, and the same printed summary and model zip as the in-memory path.
/// </summary>
internal static class SegmentColumnar
{
    /// <summary>KMeans on more rows than this takes the columnar path (smaller files keep the DataFrame path and its exact metrics).</summary>
    public const int ColumnarFromRows = 200_000;

    public static int Run(ColumnarTable table, CsvOptions csv, SegmentationOptions options, int? sample, int? miniBatch, string? output, string? modelPath, bool force, bool json, CliConsole console)
    {
        var run = ColumnarSegmenter.Fit(table, options, sample, miniBatch);
        if (output is not null)
        {
            StreamedSegmentExport.Write(table, csv, run.Model, run.Result.Labels, output, force);
        }

        if (modelPath is not null)
        {
            run.Model.Save(modelPath, force);
        }

        var text = json
            ? SegmentCommand.ToJson(run.Result, run.Scores, run.OriginalCentroids, options)
            : SegmentCommand.ToText(run.Result, run.Scores, table.Rows, run.Model.Metadata.Parameters["scale"], run.Sweep, run.OriginalCentroids, options, output, modelPath);
        if (!json && run.ImputedCells > 0)
        {
            text += $"{run.ImputedCells} missing feature values were filled with the column median.\n";
        }

        console.Out.Write(text);
        return CommandLine.Ok;
    }
}
