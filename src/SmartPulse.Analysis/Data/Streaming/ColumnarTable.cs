using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// A file read by <see cref="ColumnarReader"/>: typed columns stored in blocks (numbers as doubles,
/// text as strings), how each column was read, and the EDA that works on them directly
/// (<see cref="Describe"/>) — or a Microsoft.Data.Analysis <see cref="DataFrame"/> built from the same
/// columns for notebooks (<see cref="ToDataFrame"/>).
/// </summary>
public sealed class ColumnarTable
{
    private readonly TableColumn[] _columns;

    internal ColumnarTable(string sourcePath, char delimiter, int rows, TableColumn[] columns)
    {
        SourcePath = sourcePath;
        Delimiter = delimiter;
        Rows = rows;
        _columns = columns;
        Columns = columns.Select(c => c.Info).ToArray();
    }

    /// <summary>The file read (full path) or the source name of in-memory text.</summary>
    public string SourcePath { get; }

    /// <summary>The delimiter used (declared or sniffed); '\0' for Parquet.</summary>
    public char Delimiter { get; }

    /// <summary>Data rows.</summary>
    public int Rows { get; }

    /// <summary>Every column in file order: type, whether declared, missing count, first non-numeric value.</summary>
    public IReadOnlyList<LoadedColumn> Columns { get; }

    /// <summary>Total missing cells.</summary>
    public long MissingCells => Columns.Sum(c => c.MissingCount);

    /// <summary>
    /// pandas' <c>describe()</c> of every stored column, equal to <see cref="Eda.Describe"/> on
    /// <see cref="ToDataFrame"/> (same formulas, same order of summation) without building the frame.
    /// A file read in parallel chunks has its mean and std from per-chunk moments merged in file order
    /// (within a few units in the last place of the one-pass sums) and its quartiles from bucket counts
    /// (the same order statistics, so the same values).
    /// </summary>
    public DescribeResult Describe()
    {
        // Numeric columns in parallel, one reusable buffer per worker: mean and std on the values in row
        // order (the same arithmetic as Eda.DescribeNumeric), then the quartiles by selection, not a sort.
        var numericColumns = _columns.Where(c => c.IsStored && c.IsNumeric).ToArray();
        var summaries = new NumericSummary[numericColumns.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxThreads ?? Environment.ProcessorCount };
        Parallel.For(0, numericColumns.Length, options, () => (double[]?)null, (j, _, buffer) =>
        {
            var c = numericColumns[j];
            if (c.Moments is { } m && c.Numbers is { } numbers)
            {
                // Read in parallel chunks: moments merged per chunk, quartiles by bucket counting (no copy).
                var (q25, q50, q75) = ColumnQuartiles.Of(numbers, m.Count, m.Min, m.Max);
                summaries[j] = m.Count == 0
                    ? Eda.DescribeNumeric(c.Info.Name, [])
                    : new NumericSummary(c.Info.Name, m.Count, m.Mean, m.Std, m.Min, q25, q50, q75, m.Max);
                return buffer;
            }

            buffer ??= new double[Rows];
            var present = buffer.AsSpan(0, c.CopyPresent(buffer));
            summaries[j] = present.IsEmpty ? Eda.DescribeNumeric(c.Info.Name, present) : DescribeInPlace(c.Info.Name, present);
            return buffer;
        }, _ => { });
        var numeric = summaries.ToList();
        var categorical = new List<CategoricalSummary>();
        foreach (var c in _columns.Where(c => c.IsStored && !c.IsNumeric))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            string? firstTop = null;
            var top = 0;
            foreach (var text in Texts(c))
            {
                var key = text;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            foreach (var (value, count) in counts)
            {
                // Ties keep first-appearance order (the dictionary enumerates in insertion order), as Eda.ValueCounts does.
                if (count > top)
                {
                    top = count;
                    firstTop = value;
                }
            }

            categorical.Add(new CategoricalSummary(c.Info.Name, Rows - c.Info.MissingCount, counts.Count, firstTop, top));
        }

        return new DescribeResult(Rows, numeric, categorical);
    }

    private static NumericSummary DescribeInPlace(string name, Span<double> present)
    {
        var mean = Stats.Mean(present);
        var std = Stats.StandardDeviation(present, ddof: 1);
        double min = present[0], max = present[0];
        foreach (var v in present)
        {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        var (q25, median, q75) = OrderStatistics.Quartiles(present);
        return new NumericSummary(name, present.Length, mean, std, min, q25, median, q75, max);
    }

    /// <summary>The stored values of numeric <paramref name="column"/> (missing = NaN), copied.</summary>
    /// <exception cref="ArgumentException">No such stored column, or it is not numeric (the message says what it is).</exception>
    public double[] Numbers(string column)
    {
        var c = Column(column);
        var result = new double[Rows];
        if (c.Longs is not null)
        {
            c.MoveNumbersTo(result);
        }
        else
        {
            c.Numbers!.CopyTo(result);
        }

        return result;
    }

    /// <summary>Builds a Microsoft.Data.Analysis frame of the stored columns (Int64, Double, DateTime or String columns; missing = null).</summary>
    public DataFrame ToDataFrame() => new(_columns.Where(c => c.IsStored).Select(c => c.ToDataFrameColumn(SourcePath)));

    /// <summary>The frame plus how it was read, as <see cref="CsvLoader.Read"/> returns it.</summary>
    public LoadResult ToLoadResult() => new(ToDataFrame(), SourcePath, Delimiter, Columns);

    /// <summary>
    /// Moves numeric <paramref name="features"/> into one contiguous column-major matrix
    /// (feature j occupies [j·Rows, (j+1)·Rows)), releasing each column's blocks as it is copied, so the
    /// numbers are never held twice. Missing values are NaN. The table no longer holds those columns.
    /// The matrix is not zeroed first (every cell is written) and the columns are copied in parallel
    /// (up to the <c>--threads</c> cap) into pages advised as huge pages (<see cref="HugePages"/>), so faulting them in is cheap.
    /// </summary>
    internal double[] TakeColumnMajor(IReadOnlyList<string> features)
    {
        var columns = features.Select(Column).ToArray();
        if (columns.FirstOrDefault(c => (c.Longs?.Length ?? c.Numbers?.Count) != Rows) is { } odd)
        {
            throw new InvalidOperationException($"Column '{odd.Info.Name}' of {SourcePath} does not hold {Rows} values (was it taken already?); every matrix cell must be written.");
        }

        var matrix = GC.AllocateUninitializedArray<double>(checked(Rows * columns.Length));
        HugePages.Advise(matrix);
        Parallel.For(0, columns.Length, Parallelism.Options, j => columns[j].MoveNumbersTo(matrix.AsSpan(j * Rows, Rows)));
        return matrix;
    }

    internal TableColumn Column(string name)
    {
        var c = _columns.FirstOrDefault(c => c.Info.Name == name)
            ?? throw new ArgumentException($"Column '{name}' is not in {SourcePath}. Columns: {string.Join(", ", Columns.Select(x => x.Name))}.", nameof(name));
        if (!c.IsNumeric)
        {
            throw new ArgumentException(NotNumericMessage(SourcePath, c.Info), nameof(name));
        }

        if (!c.IsStored)
        {
            throw new ArgumentException($"Column '{name}' was not kept when {SourcePath} was read; pass it in the column list.", nameof(name));
        }

        return c;
    }

    /// <summary>The message for a requested numeric feature that holds text: file, line, column, value and the fix (<c>--decimal</c>, <c>--thousands</c>, or excluding the column).</summary>
    public static string NotNumericMessage(string source, LoadedColumn column)
    {
        if (column.FirstNonNumeric is { } bad)
        {
            return $"{source}, line {bad.Line}, column '{column.Name}': value '{bad.Value}' is not a number, so the column is read as {column.Kind.ToString().ToLowerInvariant()}. " +
                "If the file writes numbers with a decimal comma or thousands separators, pass --decimal , and/or --thousands , (CsvOptions.Numbers); " +
                "if the value marks a missing cell, leave it empty; otherwise exclude the column from --features.";
        }

        return $"{source}: column '{column.Name}' holds {column.Kind.ToString().ToLowerInvariant()}, not numbers; segmentation needs numbers. " +
            "Exclude it from --features, or encode it first (one-hot or ordinal in a preparation pipeline).";
    }

    private static IEnumerable<string> Texts(TableColumn c)
    {
        if (c.Info.Kind == ColumnKind.Date)
        {
            foreach (var t in FrameColumns.Text(c.ToDataFrameColumn("")))
            {
                if (t is not null)
                {
                    yield return t;
                }
            }

            yield break;
        }

        foreach (var text in c.Texts!.Items())
        {
            if (text is { } t)
            {
                yield return t;
            }
        }
    }
}
