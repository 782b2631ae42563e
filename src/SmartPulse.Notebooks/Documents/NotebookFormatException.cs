namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// A notebook file (.ipynb or .dib) that cannot be read, with where the problem is: the 1-based
/// line and column of a JSON syntax error, or the 1-based cell whose content has the wrong shape.
/// The readers throw only this exception for bad content (it is a <see cref="FormatException"/>).
/// </summary>
public sealed class NotebookFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, including the location.</param>
    /// <param name="line">1-based line, if known.</param>
    /// <param name="column">1-based column, if known.</param>
    /// <param name="cell">1-based cell number, if the problem is inside a cell.</param>
    /// <param name="inner">The underlying error.</param>
    public NotebookFormatException(string message, long? line = null, long? column = null, int? cell = null, Exception? inner = null)
        : base(message, inner)
    {
        Line = line;
        Column = column;
        Cell = cell;
    }

    /// <summary>1-based line of the problem, if known.</summary>
    public long? Line { get; }

    /// <summary>1-based column of the problem, if known.</summary>
    public long? Column { get; }

    /// <summary>1-based number of the cell with the problem, if any.</summary>
    public int? Cell { get; }
}
