using System.Collections.Concurrent;
using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Streams the numeric feature columns of a delimited file (CSV/TSV/semicolon, gzip by content) or a
/// Parquet file in fixed blocks of <see cref="ChunkRows"/> rows (<see cref="FeatureChunk"/>), for the
/// out-of-core passes: each <see cref="Read"/> is one pass over the file. A producer thread tokenizes and
/// parses (columns in parallel) while the caller works on the previous block; three blocks are in flight at
/// most, so memory does not grow with the file. Every block but the last is full, so block boundaries fall
/// at the same row indexes on every pass. A value that is not a number names the file, line, column and value.
/// </summary>
internal sealed class FeatureChunkReader : IFeatureSource
{
    /// <summary>Rows per block by default: a multiple of the 8,192-row work blocks of the k-means kernels.</summary>
    public const int DefaultChunkRows = 65_536;

    private readonly string _path;
    private readonly CsvOptions _options;
    private readonly string[] _features;

    public FeatureChunkReader(string path, CsvOptions? options, IReadOnlyList<string> features, int chunkRows = DefaultChunkRows)
    {
        _path = InputFile.Resolve(path);
        _options = options ?? new CsvOptions();
        _features = [.. features];
        ChunkRows = chunkRows;
        IsParquet = InputFile.IsParquet(_path);
        Columns = IsParquet ? ParquetFeatureChunks.Names(_path) : ReadHeader();
        foreach (var f in _features.Where(f => Array.IndexOf(Columns, f) < 0))
        {
            throw new ArgumentException($"'{f}' is not a column of {_path}. Columns: {string.Join(", ", Columns)}.", nameof(features));
        }
    }

    public string Path => _path;

    public bool IsParquet { get; }

    /// <summary>All column names of the file, in order.</summary>
    public string[] Columns { get; }

    /// <summary>The delimiter (sniffed unless given; '\0' for Parquet).</summary>
    public char Delimiter { get; private set; }

    public int ChunkRows { get; }

    public IReadOnlyList<string> Features => _features;

    /// <summary>One pass over the file; <paramref name="progress"/> gets the bytes consumed and the file size now and then.</summary>
    public IEnumerable<FeatureChunk> Read(Action<long, long>? progress = null)
    {
        var free = new BlockingCollection<FeatureChunk>();
        for (var i = 0; i < 3; i++)
        {
            free.Add(new FeatureChunk(_features.Length, ChunkRows));
        }

        var full = new BlockingCollection<FeatureChunk>(3);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                if (IsParquet)
                {
                    ParquetFeatureChunks.Produce(_path, _features, free, full, stop.Token, progress);
                }
                else
                {
                    ProduceDelimited(free, full, stop.Token, progress);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (AggregateException ex)
            {
                var all = ex.Flatten().InnerExceptions;
                failure = all.OfType<CsvFormatException>().OrderBy(e => e.Line ?? int.MaxValue).FirstOrDefault() ?? all[0];
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                full.CompleteAdding();
            }
        }) { IsBackground = true, Name = "feature chunks" };
        producer.Start();
        try
        {
            foreach (var chunk in full.GetConsumingEnumerable())
            {
                yield return chunk;
                free.Add(chunk);
            }
        }
        finally
        {
            stop.Cancel();
            while (full.TryTake(out var c))
            {
                free.Add(c);
            }

            producer.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private string[] ReadHeader()
    {
        using var stream = new BufferedPrefixStream(InputFile.OpenUtf8(_path, _options.Encoding, out _));
        var head = new byte[1 << 16];
        var length = stream.Peek(head);
        Delimiter = _options.Delimiter ?? DelimiterSniffer.Sniff(Encoding.UTF8.GetString(head, 0, length));
        var reader = new CsvByteReader(stream, Delimiter, _path);
        if (!reader.Next())
        {
            throw new CsvFormatException(_path, null, null, "the file is empty. A customer file needs a header line and at least one data row.");
        }

        return Enumerable.Range(0, reader.FieldCount).Select(i => Encoding.UTF8.GetString(reader.Field(i)).Trim()).ToArray();
    }

    private void ProduceDelimited(BlockingCollection<FeatureChunk> free, BlockingCollection<FeatureChunk> full, CancellationToken stop, Action<long, long>? progress)
    {
        var indexes = _features.Select(f => Array.IndexOf(Columns, f)).ToArray();
        var d = indexes.Length;
        var total = new FileInfo(_path).Length;
        using var stream = InputFile.OpenUtf8(_path, _options.Encoding, out var position);
        var reader = new CsvByteReader(stream, Delimiter, _path);
        reader.Next();
        var bytes = new byte[1 << 20];
        var ends = new int[ChunkRows * d];
        var lines = new int[ChunkRows];
        long first = 0;
        var more = true;
        while (more)
        {
            var rows = 0;
            var length = 0;
            while (rows < ChunkRows && (more = reader.Next()))
            {
                if (reader.FieldCount != Columns.Length)
                {
                    throw new CsvFormatException(_path, reader.Line, reader.FieldCount > Columns.Length ? $"field {Columns.Length + 1}" : Columns[reader.FieldCount - 1],
                        $"expected {Columns.Length} fields (as in the header) but found {reader.FieldCount}. Check for a missing or extra delimiter or an unquoted field containing one.");
                }

                for (var j = 0; j < d; j++)
                {
                    var field = reader.Field(indexes[j]);
                    if (length + field.Length > bytes.Length)
                    {
                        Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + field.Length));
                    }

                    field.CopyTo(bytes.AsSpan(length));
                    length += field.Length;
                    ends[(rows * d) + j] = length;
                }

                lines[rows++] = reader.Line;
            }

            if (rows == 0)
            {
                break;
            }

            var chunk = free.Take(stop);
            chunk.Rows = rows;
            chunk.FirstRow = first;
            first += rows;
            Parallel.For(0, d, Parallelism.Options, j => ParseColumn(bytes, ends, lines, rows, d, j, chunk));
            full.Add(chunk, stop);
            progress?.Invoke(position(), total);
        }
    }

    private void ParseColumn(byte[] bytes, int[] ends, int[] lines, int rows, int d, int j, FeatureChunk chunk)
    {
        var target = chunk.Values.AsSpan(j * chunk.Capacity, rows);
        for (var r = 0; r < rows; r++)
        {
            var index = (r * d) + j;
            var start = index == 0 ? 0 : ends[index - 1];
            var trimmed = ColumnBuilder.TrimAscii(bytes.AsSpan(start, ends[index] - start));
            if (trimmed.Length == 0)
            {
                target[r] = double.NaN;
                continue;
            }

            if (NumberParser.Parse(trimmed, _options.Numbers, out var value) != NumberSyntax.None)
            {
                target[r] = value;
                continue;
            }

            var text = Encoding.UTF8.GetString(trimmed);
            if (!_options.MissingMarkers.Contains(text))
            {
                throw new CsvFormatException(_path, lines[r], _features[j],
                    $"value '{text}' is not a number. If the file writes numbers with a decimal comma or thousands separators, pass --decimal , and/or --thousands ,; " +
                    "if the value marks a missing cell, leave it empty; otherwise exclude the column from --features.");
            }

            target[r] = double.NaN;
        }
    }
}
