namespace SmartPulse.Analysis.Data;

/// <summary>
/// A block of consecutive rows of the feature columns, column-major: feature j of the block's row i at
/// <c>Values[j·Capacity + i]</c> (the layout <see cref="Features.DistanceKernel"/> reads with stride
/// <see cref="Capacity"/>). Missing values are NaN. Blocks are reused from pass to pass; a consumer must not
/// keep one after asking for the next.
/// </summary>
internal sealed class FeatureChunk(int columns, int capacity)
{
    public int Columns { get; } = columns;

    public int Capacity { get; } = capacity;

    public double[] Values { get; } = new double[(long)columns * capacity];

    /// <summary>Rows filled (the last block of a file may hold fewer than <see cref="Capacity"/>).</summary>
    public int Rows { get; set; }

    /// <summary>Index (0-based, data rows only) of the block's first row in the file.</summary>
    public long FirstRow { get; set; }

    /// <summary>Feature <paramref name="j"/> of the filled rows.</summary>
    public Span<double> Column(int j) => Values.AsSpan(j * Capacity, Rows);
}
