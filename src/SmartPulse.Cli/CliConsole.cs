namespace SmartPulse.Cli;

/// <summary>The two writers a command talks to, so tests can capture them.</summary>
/// <param name="Out">Results (tables, JSON).</param>
/// <param name="Error">Progress, warnings and error messages.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
