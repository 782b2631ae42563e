using System.Text.RegularExpressions;
using SmartPulse.Analysis.Data;
using SmartPulse.Files;

namespace SmartPulse.Cli.Errors;

/// <summary>
/// One error a command reports: what went wrong, where (file, line, column; null when unknown) and
/// how to fix it. Printed as <c>error: ...</c> on stderr, or with <c>--json</c> as one JSON object
/// <c>{"error", "file", "line", "column", "hint"}</c> on stdout; the exit code is 2 either way.
/// </summary>
/// <param name="Message">What is wrong (names the value and parameter).</param>
/// <param name="File">The file concerned, if any.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, if known.</param>
/// <param name="Column">The column (name or 1-based number), if known.</param>
/// <param name="Hint">How to fix it, if the message does not already say.</param>
public sealed partial record CliError(string Message, string? File = null, long? Line = null, string? Column = null, string? Hint = null)
{
    /// <summary>Describes an exception a command could not recover from.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The error, with the location the exception carries.</returns>
    public static CliError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            CsvFormatException csv => new CliError(csv.Message, csv.FilePath, csv.Line, csv.Column, null),
            UnsafeOutputException unsafeOutput => new CliError(unsafeOutput.Message, Path.GetFullPath(unsafeOutput.Path), null, null,
                "SmartPulse never writes onto its inputs, devices, pipes or folders, and replaces read-only files only with --force."),
            FileNotFoundException missing => new CliError(missing.Message, missing.FileName, null, null, "Check the path; relative paths start from the current folder."),
            ArgumentException argument => new CliError(Clean(argument), null, null, null, null),
            _ => new CliError(exception.Message),
        };
    }

    /// <summary>An argument exception's message without .NET's "(Parameter 'x')" and "Actual value was" tails.</summary>
    private static string Clean(ArgumentException exception)
    {
        var text = exception.Message;
        var cut = text.IndexOf("\nActual value was", StringComparison.Ordinal);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        return ParameterTail().Replace(text.TrimEnd(), "");
    }

    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterTail();
}
