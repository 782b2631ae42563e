using System.CommandLine;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse profile FILE [--json]</c>: the EDA summary of any delimited file — shape,
/// delimiter, per-column type, missing values and describe() statistics — as an aligned table for
/// people or one JSON object for machines (keys: file, rows, delimiter, columns, missing).
/// </summary>
public static class ProfileCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV/TSV customer file (delimiter sniffed: comma, tab or semicolon)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables; errors too, as {error, file, line, column, hint}." };
        var command = new Command("profile", "Print the EDA summary of a delimited file: shape, types, missing values, describe() statistics.")
        {
            file,
            json,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), console));
        return command;
    }

    /// <summary>Profiles <paramref name="path"/>; returns the exit code (0, or 2 on unreadable input).</summary>
    public static int Run(string path, bool json, CliConsole console)
    {
        LoadResult loaded;
        try
        {
            loaded = CsvLoader.Read(path);
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Errors.CliErrors.Report(console, json, ex);
        }

        var describe = Eda.Describe(loaded.Frame);
        console.Out.Write(json ? ToJson(loaded, describe) : ToText(loaded, describe));
        return CommandLine.Ok;
    }

    private static string KindName(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string ToText(LoadResult loaded, DescribeResult describe)
    {
        var delimiter = loaded.Delimiter == '\t' ? "tab" : $"'{loaded.Delimiter}'";
        var header = $"{Path.GetFileName(loaded.SourcePath)}: {describe.Rows} rows × {loaded.Columns.Count} columns, delimiter {delimiter}, {loaded.MissingCells} missing cells\n\n";
        var types = loaded.Columns.ToDictionary(c => c.Name);
        var numeric = new TextTable("column", "type", ">missing", ">count", ">mean", ">std", ">min", ">25%", ">50%", ">75%", ">max");
        foreach (var s in describe.Numeric)
        {
            var c = types[s.Column];
            numeric.Add(s.Column, KindName(c.Kind), c.MissingCount.ToString(), s.Count.ToString(),
                TextTable.Number(s.Mean), TextTable.Number(s.Std), TextTable.Number(s.Min), TextTable.Number(s.Q25),
                TextTable.Number(s.Median), TextTable.Number(s.Q75), TextTable.Number(s.Max));
        }

        var text = header;
        if (describe.Numeric.Count > 0)
        {
            text += "Numeric columns\n" + numeric + "\n";
        }

        if (describe.Categorical.Count > 0)
        {
            var categorical = new TextTable("column", "type", ">missing", ">count", ">unique", "top", ">freq");
            foreach (var s in describe.Categorical)
            {
                var c = types[s.Column];
                categorical.Add(s.Column, KindName(c.Kind), c.MissingCount.ToString(), s.Count.ToString(), s.Unique.ToString(), s.Top, s.Freq.ToString());
            }

            text += "Text and date columns\n" + categorical + "\n";
        }

        return text;
    }

    private static string ToJson(LoadResult loaded, DescribeResult describe)
    {
        return JsonOutput.Write(w =>
        {

            w.WriteStartObject();
            w.WriteString("file", loaded.SourcePath);
            w.WriteNumber("rows", describe.Rows);
            w.WriteString("delimiter", loaded.Delimiter.ToString());
            w.WriteStartArray("columns");
            foreach (var c in loaded.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("type", KindName(c.Kind));
                w.WriteNumber("missing", c.MissingCount);
                if (describe.Numeric.FirstOrDefault(s => s.Column == c.Name) is { } n)
                {
                    w.WriteNumber("count", n.Count);
                    JsonOutput.Number(w, "mean", n.Mean);
                    JsonOutput.Number(w, "std", n.Std);
                    JsonOutput.Number(w, "min", n.Min);
                    JsonOutput.Number(w, "p25", n.Q25);
                    JsonOutput.Number(w, "p50", n.Median);
                    JsonOutput.Number(w, "p75", n.Q75);
                    JsonOutput.Number(w, "max", n.Max);
                }
                else if (describe.Categorical.FirstOrDefault(s => s.Column == c.Name) is { } t)
                {
                    w.WriteNumber("count", t.Count);
                    w.WriteNumber("unique", t.Unique);
                    w.WriteString("top", t.Top);
                    w.WriteNumber("freq", t.Freq);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("missing");
            w.WriteNumber("total", loaded.MissingCells);
            w.WriteStartObject("by_column");
            foreach (var c in loaded.Columns.Where(c => c.MissingCount > 0))
            {
                w.WriteNumber(c.Name, c.MissingCount);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
