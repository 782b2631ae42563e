using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Errors;

/// <summary>Prints a <see cref="CliError"/> the way the command was asked to talk (text or <c>--json</c>).</summary>
public static class CliErrors
{
    /// <summary>
    /// Writes <paramref name="error"/> as <c>error: ...</c> (and <c>hint: ...</c>) on stderr, or with
    /// <paramref name="json"/> as one JSON object on stdout, and returns exit code 2.
    /// </summary>
    /// <param name="console">The command's writers.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="error">The error.</param>
    /// <returns><see cref="CommandLine.UsageError"/>.</returns>
    public static int Report(CliConsole console, bool json, CliError error)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        if (json)
        {
            console.Out.Write(ToJson(error));
        }
        else
        {
            console.Error.WriteLine($"error: {error.Message}");
            if (error.Hint is not null)
            {
                console.Error.WriteLine($"hint: {error.Hint}");
            }
        }

        return CommandLine.UsageError;
    }

    /// <summary>Reports <paramref name="exception"/> through <see cref="CliError.From"/>.</summary>
    /// <param name="console">The command's writers.</param>
    /// <param name="json">Whether <c>--json</c> was given.</param>
    /// <param name="exception">The exception.</param>
    /// <returns><see cref="CommandLine.UsageError"/>.</returns>
    public static int Report(CliConsole console, bool json, Exception exception) => Report(console, json, CliError.From(exception));

    /// <summary>The JSON object for <paramref name="error"/>: every key present, null when unknown.</summary>
    /// <param name="error">The error.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    public static string ToJson(CliError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error.Message);
            Text("file", error.File);
            if (error.Line is { } line)
            {
                w.WriteNumber("line", line);
            }
            else
            {
                w.WriteNull("line");
            }

            Text("column", error.Column);
            Text("hint", error.Hint);
            w.WriteEndObject();

            void Text(string name, string? value)
            {
                if (value is null)
                {
                    w.WriteNull(name);
                }
                else
                {
                    w.WriteString(name, value);
                }
            }
        });
    }
}
