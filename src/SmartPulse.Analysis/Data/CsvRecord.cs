namespace SmartPulse.Analysis.Data;

/// <summary>One parsed record: the 1-based physical line it starts on and its raw field texts.</summary>
/// <param name="Line">The 1-based line number where the record starts.</param>
/// <param name="Fields">The unquoted field texts.</param>
internal sealed record CsvRecord(int Line, string[] Fields);
