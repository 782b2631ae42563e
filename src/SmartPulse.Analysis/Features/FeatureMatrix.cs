namespace SmartPulse.Analysis.Features;

/// <summary>
/// A dense, immutable, row-major matrix of model features (rows = customers, columns = features),
/// the hand-off between preparation and the clustering/evaluation stages. Values are doubles;
/// missing values are not allowed (preparation imputes or drops them first).
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    /// <summary>Creates a matrix over a row-major copy of <paramref name="values"/>.</summary>
    /// <param name="values">Row-major values, length <paramref name="rows"/> × column count.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columnNames">One name per column.</param>
    /// <exception cref="ArgumentException">The length does not match, or a value is NaN or infinite.</exception>
    public FeatureMatrix(ReadOnlySpan<double> values, int rows, IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (values.Length != (long)rows * columnNames.Count)
        {
            throw new ArgumentException(
                $"values has {values.Length} elements but rows × columns is {rows} × {columnNames.Count} = {(long)rows * columnNames.Count}.",
                nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var column = columnNames.Count == 0 ? 0 : i % columnNames.Count;
                throw new ArgumentException(
                    $"Value at row {i / Math.Max(1, columnNames.Count)}, column '{columnNames[column]}' is {values[i]}; features must be finite. Impute or drop missing values before building the matrix.",
                    nameof(values));
            }
        }

        _values = values.ToArray();
        Rows = rows;
        ColumnNames = columnNames.ToArray();
    }

    /// <summary>Number of rows (observations).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns => ColumnNames.Count;

    /// <summary>Feature names, one per column.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public double this[int row, int column] => _values[(row * Columns) + column];

    /// <summary>One row as a span.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>One column, copied.</summary>
    public double[] Column(int column)
    {
        var result = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            result[r] = _values[(r * Columns) + column];
        }

        return result;
    }

    /// <summary>Builds a matrix from jagged rows.</summary>
    /// <param name="rows">The rows; all must have <c>columnNames.Count</c> values.</param>
    /// <param name="columnNames">One name per column.</param>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columnNames);
        var values = new double[rows.Count * columnNames.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columnNames.Count)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} values; expected {columnNames.Count} ({string.Join(", ", columnNames)}).", nameof(rows));
            }

            rows[r].CopyTo(values, r * columnNames.Count);
        }

        return new FeatureMatrix(values, rows.Count, columnNames);
    }
}
