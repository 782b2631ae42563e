namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>Which engine computes a file's profile (<c>smartpulse profile --engine</c>).</summary>
public enum ProfileEngine
{
    /// <summary>
    /// DuckDB for plain UTF-8 CSV/TSV files (not gzip) of at least <see cref="FileEda.AutoDuckDbBytes"/> with text
    /// columns, whose options DuckDB can express; the streaming reader otherwise (see <see cref="FileEda.Choose"/>).
    /// </summary>
    Auto,

    /// <summary>
    /// The embedded DuckDB engine: its multi-threaded reader and in-engine aggregates, nothing held per row
    /// beyond what the quantiles need. Declines (and the streaming reader answers) whenever it could not
    /// give the streaming reader's exact answer or error.
    /// </summary>
    DuckDb,

    /// <summary>SmartPulse's own streaming columnar reader (<see cref="Data.ColumnarReader"/>) and in-memory describe.</summary>
    Stream,
}
