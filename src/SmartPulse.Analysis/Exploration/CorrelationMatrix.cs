using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// A symmetric correlation matrix over numeric columns, computed like pandas' <c>DataFrame.corr</c>:
/// each pair uses the rows where both values are present. Values lie in [−1, 1]; NaN where a
/// column is constant over those rows.
/// </summary>
public sealed class CorrelationMatrix
{
    private readonly double[,] _values;

    internal CorrelationMatrix(CorrelationMethod method, IReadOnlyList<string> columns, double[,] values)
    {
        Method = method;
        Columns = columns;
        _values = values;
    }

    /// <summary>The coefficient used.</summary>
    public CorrelationMethod Method { get; }

    /// <summary>The columns, in order (rows and columns of the matrix).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The coefficient between columns <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double this[int i, int j] => _values[i, j];

    /// <summary>The coefficient between two named columns.</summary>
    public double this[string a, string b] => _values[IndexOf(a), IndexOf(b)];

    /// <summary>A copy of the matrix values.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>The matrix as a frame: a <c>column</c> column with the names, then one column per variable.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("column", Columns) };
        for (var j = 0; j < Columns.Count; j++)
        {
            var jj = j;
            columns.Add(new DoubleDataFrameColumn(Columns[j], Enumerable.Range(0, Columns.Count).Select(i => (double?)_values[i, jj])));
        }

        return new DataFrame(columns);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"Column '{name}' is not in the correlation matrix. Columns: {string.Join(", ", Columns)}.", nameof(name));
    }
}
