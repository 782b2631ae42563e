using System.CommandLine;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse score --model model.zip FILE --out scored.csv</c>: labels new customers with a
/// saved segmentation, exactly as the fit did. Missing columns exit 2 naming them.
/// </summary>
public static class ScoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The customer file to score." };
        var model = new Option<string>("--model") { Description = "A model zip written by 'smartpulse segment --model'.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the scored CSV.", Required = true };
        var command = new Command("score", "Label new customers with a saved segmentation model.") { file, model, output };
        command.SetAction(p => Run(p.GetValue(file)!, p.GetValue(model)!, p.GetValue(output)!, console));
        return command;
    }

    private static int Run(string file, string modelPath, string output, CliConsole console)
    {
        try
        {
            var model = SegmentationModel.Load(modelPath);
            var frame = CsvLoader.Load(file);
            var (prepared, segments) = model.Score(frame);
            CsvExport.Write(SegmentTable.Build(frame, prepared, segments, model.Metadata.ModelFeatures), output);
            var counts = segments.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
            console.Out.WriteLine($"scored {segments.Length} customers with {model.Metadata.Algorithm} ({model.Metadata.Sizes.Count} segments) → {Path.GetFullPath(output)}");
            console.Out.WriteLine($"segment sizes: {string.Join(", ", counts)}");
            return CommandLine.Ok;
        }
        catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or DirectoryNotFoundException or CsvFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return CommandLine.UsageError;
        }
    }
}
