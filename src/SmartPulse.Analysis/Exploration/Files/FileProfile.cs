using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>
/// The EDA summary of one file, as <c>smartpulse profile</c> prints it: how each column was read
/// (type, missing count, first non-numeric value of a mostly numeric text column), pandas'
/// <c>describe()</c> of every column, and which engine computed it.
/// </summary>
/// <param name="SourcePath">The file (full path).</param>
/// <param name="Delimiter">The delimiter used; '\0' for Parquet.</param>
/// <param name="Columns">Every column in file order.</param>
/// <param name="Describe">pandas' <c>describe()</c>: count, mean, std (ddof = 1), min, quartiles (linear), max; count, unique, top, freq for text and dates.</param>
/// <param name="Engine">The engine that computed the numbers: <see cref="ProfileEngine.DuckDb"/> or <see cref="ProfileEngine.Stream"/>.</param>
/// <param name="EngineNote">Why the streaming reader answered when DuckDB was asked for or chosen (null otherwise).</param>
public sealed record FileProfile(string SourcePath, char Delimiter, IReadOnlyList<LoadedColumn> Columns, DescribeResult Describe, ProfileEngine Engine, string? EngineNote)
{
    /// <summary>Total missing cells.</summary>
    public long MissingCells => Columns.Sum(c => c.MissingCount);

    /// <summary>Missing cells per column, in file order: count and percent of rows (pandas' <c>df.isna().sum()</c>).</summary>
    public IReadOnlyList<MissingValues> Missing() =>
        Columns.Select(c => new MissingValues(c.Name, c.MissingCount, Describe.Rows == 0 ? 0 : 100.0 * c.MissingCount / Describe.Rows)).ToList();
}
