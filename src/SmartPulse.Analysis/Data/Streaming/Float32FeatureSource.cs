namespace SmartPulse.Analysis.Data;

/// <summary>
/// The features of a file read once and held as float32 (4 bytes a value instead of 8: <c>--float32</c>), served as
/// float64 blocks for the k-means passes (sums, distances and statistics stay in double precision; only the stored
/// values are rounded to float32, a relative error of at most 2⁻²⁴ ≈ 6e-8 per value).
/// </summary>
internal sealed class Float32FeatureSource : IFeatureSource
{
    private readonly List<float[]> _blocks = [];
    private readonly List<int> _rows = [];
    private readonly int _columns;
    private readonly int _capacity;

    public Float32FeatureSource(IFeatureSource file, int columns, int capacity, Action<long, long>? progress = null)
    {
        Path = file.Path;
        _columns = columns;
        _capacity = capacity;
        foreach (var chunk in file.Read(progress))
        {
            var block = new float[(long)columns * chunk.Rows];
            for (var j = 0; j < columns; j++)
            {
                var source = chunk.Column(j);
                var target = block.AsSpan(j * chunk.Rows, chunk.Rows);
                for (var r = 0; r < source.Length; r++)
                {
                    target[r] = (float)source[r];
                }
            }

            _blocks.Add(block);
            _rows.Add(chunk.Rows);
        }
    }

    public string Path { get; }

    public IEnumerable<FeatureChunk> Read(Action<long, long>? progress = null)
    {
        var chunk = new FeatureChunk(_columns, _capacity);
        long first = 0;
        for (var b = 0; b < _blocks.Count; b++)
        {
            var rows = _rows[b];
            var block = _blocks[b];
            chunk.Rows = rows;
            chunk.FirstRow = first;
            Parallel.For(0, _columns, Parallelism.Options, j =>
            {
                var source = block.AsSpan(j * rows, rows);
                var target = chunk.Values.AsSpan(j * _capacity, rows);
                for (var r = 0; r < rows; r++)
                {
                    target[r] = source[r];
                }
            });
            first += rows;
            yield return chunk;
        }
    }
}
