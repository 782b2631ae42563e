namespace SmartPulse.Analysis.Data;

/// <summary>
/// A delimited file could not be read. The message names the file and, where it applies, the
/// 1-based line, the column and the offending value, and says how to fix it.
/// </summary>
public sealed class CsvFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or source name) that was being read.</param>
    /// <param name="line">The 1-based physical line where the problem starts, if known.</param>
    /// <param name="column">The column name (or 1-based field number) involved, if any.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    public CsvFormatException(string filePath, int? line, string? column, string problem)
        : base(Format(filePath, line, column, problem))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line, if the problem is on one line.</summary>
    public int? Line { get; }

    /// <summary>The column involved, if any.</summary>
    public string? Column { get; }

    /// <summary>The problem description without the location prefix.</summary>
    public string Problem { get; }

    private static string Format(string filePath, int? line, string? column, string problem)
    {
        var where = filePath;
        if (line is not null)
        {
            where += $", line {line}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {problem}";
    }
}
