using System.CommandLine;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Exploration.Files;
using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse profile FILE [--engine auto|duckdb|stream] [--json]</c>: the EDA summary of any
/// delimited or Parquet file — shape, delimiter, per-column type, missing values and describe()
/// statistics — as an aligned table for people or one JSON object for machines (keys: file, rows,
/// delimiter, engine, engine_note, columns, missing). <c>--engine</c> picks who computes it: DuckDB's
/// multi-threaded reader and in-engine aggregates, or the streaming columnar reader; <c>auto</c>
/// (default) takes DuckDB for plain CSV/TSV files of 16 MiB or more with text columns.
/// </summary>
public static class ProfileCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV/TSV customer file (delimiter sniffed: comma, tab or semicolon)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables; errors too, as {error, file, line, column, hint}." };
        var engine = new Option<string>("--engine")
        {
            Description = "Who computes the profile: duckdb (DuckDB's multi-threaded reader, aggregates in the engine), " +
                "stream (SmartPulse's streaming columnar reader) or auto (default: duckdb for plain CSV/TSV files of 16 MiB or more with text columns, where the streaming reader would keep a string per cell; stream otherwise, measured faster on numeric files). " +
                "DuckDB hands over to the streaming reader whenever it could not give the same answer or error (ragged rows, gzip, mixed-type columns, --thousands, --encoding).",
            DefaultValueFactory = _ => "auto",
        };
        var command = new Command("profile", "Print the EDA summary of a delimited or Parquet file: shape, types, missing values, describe() statistics.")
        {
            file,
            json,
            engine,
        };
        var data = new DataOptions();
        data.AddTo(command);
        command.SetAction(parse =>
        {
            CsvOptions options;
            ProfileEngine chosen;
            try
            {
                options = data.Apply(parse);
                data.CheckInput(parse, parse.GetValue(file)!);
                chosen = FileEda.ParseEngine(parse.GetValue(engine)!);
            }
            catch (ArgumentException ex)
            {
                return Errors.CliErrors.Report(console, parse.GetValue(json), ex);
            }

            return Run(parse.GetValue(file)!, parse.GetValue(json), console, options, chosen);
        });
        return command;
    }

    /// <summary>Profiles <paramref name="path"/>; returns the exit code (0, or 2 on unreadable input).</summary>
    public static int Run(string path, bool json, CliConsole console, CsvOptions? options = null, ProfileEngine engine = ProfileEngine.Auto)
    {
        FileProfile profile;
        try
        {
            using var bar = ProgressBar.For(console, json, "reading");
            profile = FileEda.Profile(path, options, engine, bar.Enabled ? bar.Report : null);
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Errors.CliErrors.Report(console, json, ex);
        }

        console.Out.Write(json ? ToJson(profile, profile.Describe) : ToText(profile, profile.Describe));
        return CommandLine.Ok;
    }

    private static string EngineName(ProfileEngine engine) => engine == ProfileEngine.DuckDb ? "duckdb" : "stream";

    private static string KindName(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string ToText(FileProfile loaded, DescribeResult describe)
    {
        var delimiter = loaded.Delimiter switch { '\t' => "delimiter tab", '\0' => "Parquet", var c => $"delimiter '{c}'" };
        var header = $"{Path.GetFileName(loaded.SourcePath)}: {describe.Rows} rows × {loaded.Columns.Count} columns, {delimiter}, {loaded.MissingCells} missing cells, engine {EngineName(loaded.Engine)}\n";
        if (loaded.EngineNote is not null)
        {
            header += $"note: {loaded.EngineNote}\n";
        }

        header += "\n";
        foreach (var c in loaded.Columns.Where(c => c.FirstNonNumeric is not null))
        {
            header += $"note: column '{c.Name}' is read as {KindName(c.Kind)}: line {c.FirstNonNumeric!.Line} holds '{c.FirstNonNumeric.Value}', not a number. " +
                "If the file writes numbers with a decimal comma or thousands separators, use --decimal , and/or --thousands ,\n";
        }

        if (loaded.Columns.Any(c => c.FirstNonNumeric is not null))
        {
            header += "\n";
        }
        var types = loaded.Columns.ToDictionary(c => c.Name);
        var numeric = new ConsoleTable("column", "type", ">missing", ">count", ">mean", ">std", ">min", ">25%", ">50%", ">75%", ">max");
        foreach (var s in describe.Numeric)
        {
            var c = types[s.Column];
            numeric.Add(s.Column, KindName(c.Kind), c.MissingCount.ToString(), s.Count.ToString(),
                ConsoleTable.Number(s.Mean), ConsoleTable.Number(s.Std), ConsoleTable.Number(s.Min), ConsoleTable.Number(s.Q25),
                ConsoleTable.Number(s.Median), ConsoleTable.Number(s.Q75), ConsoleTable.Number(s.Max));
        }

        var text = header;
        if (describe.Numeric.Count > 0)
        {
            text += "Numeric columns\n" + numeric + "\n";
        }

        if (describe.Categorical.Count > 0)
        {
            var categorical = new ConsoleTable("column", "type", ">missing", ">count", ">unique", "top", ">freq");
            foreach (var s in describe.Categorical)
            {
                var c = types[s.Column];
                categorical.Add(s.Column, KindName(c.Kind), c.MissingCount.ToString(), s.Count.ToString(), s.Unique.ToString(), s.Top, s.Freq.ToString());
            }

            text += "Text and date columns\n" + categorical + "\n";
        }

        return text;
    }

    private static string ToJson(FileProfile loaded, DescribeResult describe)
    {
        return JsonOutput.Write(w =>
        {

            w.WriteStartObject();
            w.WriteString("file", loaded.SourcePath);
            w.WriteNumber("rows", describe.Rows);
            w.WriteString("delimiter", loaded.Delimiter == '\0' ? "parquet" : loaded.Delimiter.ToString());
            w.WriteString("engine", EngineName(loaded.Engine));
            if (loaded.EngineNote is null)
            {
                w.WriteNull("engine_note");
            }
            else
            {
                w.WriteString("engine_note", loaded.EngineNote);
            }

            w.WriteStartArray("columns");
            foreach (var c in loaded.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("type", KindName(c.Kind));
                w.WriteNumber("missing", c.MissingCount);
                if (c.FirstNonNumeric is { } bad)
                {
                    w.WriteStartObject("first_non_numeric");
                    w.WriteString("value", bad.Value);
                    w.WriteNumber("line", bad.Line);
                    w.WriteEndObject();
                }

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
