namespace SmartPulse.DuckDb;

/// <summary>
/// A statement DuckDB rejected, or a value the bridge cannot move between DuckDB and a DataFrame.
/// The message keeps DuckDB's own text (error class, message and the <c>LINE n:</c> excerpt with its
/// caret) and adds the 1-based <see cref="Line"/> and <see cref="Column"/> of the caret when DuckDB gave one.
/// </summary>
public sealed class DuckDbQueryException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">The full message shown to the user.</param>
    /// <param name="sql">The statement text that failed (may be empty when no SQL was involved).</param>
    /// <param name="line">1-based line of the error position in <paramref name="sql"/>, if known.</param>
    /// <param name="column">1-based column of the error position in <paramref name="sql"/>, if known.</param>
    /// <param name="inner">The provider exception, if any.</param>
    public DuckDbQueryException(string message, string sql, int? line, int? column, Exception? inner = null)
        : base(message, inner)
    {
        Sql = sql;
        Line = line;
        Column = column;
    }

    /// <summary>The statement text that failed.</summary>
    public string Sql { get; }

    /// <summary>1-based line of the error position, or <see langword="null"/> when DuckDB gave no position.</summary>
    public int? Line { get; }

    /// <summary>1-based column of the error position, or <see langword="null"/> when DuckDB gave no position.</summary>
    public int? Column { get; }
}
