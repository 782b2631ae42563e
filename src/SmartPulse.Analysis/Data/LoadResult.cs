using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>A loaded file: the typed frame plus how it was read.</summary>
/// <param name="Frame">The data; missing cells are nulls.</param>
/// <param name="SourcePath">The file that was read (full path), or the source name for in-memory text.</param>
/// <param name="Delimiter">The delimiter used (declared or sniffed).</param>
/// <param name="Columns">One entry per column, in file order: type, whether declared, missing count.</param>
public sealed record LoadResult(DataFrame Frame, string SourcePath, char Delimiter, IReadOnlyList<LoadedColumn> Columns)
{
    /// <summary>Total number of missing cells.</summary>
    public long MissingCells => Columns.Sum(c => c.MissingCount);
}
