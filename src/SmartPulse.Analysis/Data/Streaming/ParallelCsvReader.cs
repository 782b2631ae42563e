using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// The parallel half of <see cref="ColumnarReader"/> for plain (not compressed) UTF-8 files: the data after
/// the header is cut into chunks of about 16 MiB at line breaks (fixed by the file alone, so results do not
/// depend on the thread count), up to <see cref="Parallelism.MaxThreads"/> workers parse chunks into their
/// own column builders (<see cref="CsvChunkParser"/>), and the chunks are merged in file order
/// (<see cref="ColumnBuilder.Absorb"/>) with their line numbers shifted, so the first bad record of the file
/// is reported with its real line and column. A quoted field holding a line break anywhere in the file makes
/// it fall back to the one-pass reader (null), which reads such files exactly.
/// </summary>
internal sealed class ParallelCsvReader
{
    /// <summary>Bytes per chunk (the last one takes the rest).</summary>
    public const long DefaultChunkBytes = 16L << 20;

    private readonly SafeFileHandle _file;
    private readonly List<long> _bounds;
    private readonly TaskCompletionSource<Chunk>[] _results;
    private readonly Func<CsvChunkParser> _newParser;
    private readonly Func<ColumnBuilder[]> _newBuilders;
    private int _next = -1;
    private volatile bool _stop;
    private long _done;

    private ParallelCsvReader(SafeFileHandle file, List<long> bounds, Func<CsvChunkParser> newParser, Func<ColumnBuilder[]> newBuilders)
    {
        _file = file;
        _bounds = bounds;
        _newParser = newParser;
        _newBuilders = newBuilders;
        _results = new TaskCompletionSource<Chunk>[bounds.Count - 1];
        for (var i = 0; i < _results.Length; i++)
        {
            _results[i] = new TaskCompletionSource<Chunk>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>True when <paramref name="fullPath"/> can be read in parallel: a plain UTF-8 file of at least two chunks and no id column to check across rows.</summary>
    public static bool Eligible(string fullPath, CsvOptions options, long chunkBytes) =>
        options.IdColumn is null
        && (options.Encoding is null || options.Encoding.CodePage == Encoding.UTF8.CodePage)
        && new FileInfo(fullPath).Length >= 2 * chunkBytes
        && !InputFile.IsGzip(fullPath);

    /// <summary>
    /// Reads the data of <paramref name="fullPath"/> from byte <paramref name="dataStart"/> (just after the header,
    /// which ends on line <paramref name="lineBase"/>) into <paramref name="into"/>. Returns the data rows, or null
    /// when the file must be read by the one-pass reader (a quoted line break); <paramref name="into"/> is then unusable.
    /// </summary>
    /// <exception cref="CsvFormatException">The first bad record of the file, with its line.</exception>
    public static int? TryRead(string fullPath, long dataStart, int lineBase, string[] names, char delimiter, CsvOptions options,
        Func<ColumnBuilder[]> newBuilders, ColumnBuilder[] into, Action<long, long>? progress, long chunkBytes)
    {
        using var file = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        var size = RandomAccess.GetLength(file);
        var bounds = Boundaries(file, dataStart, size, chunkBytes);
        var reader = new ParallelCsvReader(file, bounds, () => new CsvChunkParser(delimiter, options, names, fullPath), newBuilders);
        return reader.Run(into, lineBase, size, dataStart, progress);
    }

    private int? Run(ColumnBuilder[] into, int lineBase, long size, long dataStart, Action<long, long>? progress)
    {
        var workers = Math.Max(1, Math.Min(Parallelism.MaxThreads ?? Environment.ProcessorCount, _results.Length));
        var threads = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            threads[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            foreach (var b in into)
            {
                b.FinishChunk();
            }

            var rows = 0;
            var lineOffset = lineBase;
            for (var i = 0; i < _results.Length; i++)
            {
                var pending = _results[i].Task;
                while (!pending.Wait(200))
                {
                    if (Array.TrueForAll(threads, t => t.IsCompleted) && !pending.IsCompleted)
                    {
                        // A worker died outside its chunk (it never should): surface its error instead of waiting forever.
                        var died = threads.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException;
                        throw new InvalidOperationException("The parallel CSV reader's workers stopped before every chunk was read.", died);
                    }

                    progress?.Invoke(dataStart + Interlocked.Read(ref _done), size);
                }

                var chunk = pending.Result;
                if (chunk.Error is CsvFormatException bad)
                {
                    throw bad.Line is { } line ? new CsvFormatException(bad.FilePath, line + lineOffset, bad.Column, bad.Problem) : bad;
                }

                if (chunk.Error is { } error)
                {
                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                if (chunk.Outcome != CsvChunkParser.ChunkOutcome.Done)
                {
                    return null;
                }

                for (var c = 0; c < into.Length; c++)
                {
                    into[c].Absorb(chunk.Builders[c], lineOffset);
                }

                rows = checked(rows + chunk.Rows);
                lineOffset += chunk.Lines;
                _results[i] = null!;
            }

            progress?.Invoke(size, size);
            return rows;
        }
        finally
        {
            _stop = true;
            foreach (var t in threads)
            {
                try
                {
                    t.Wait();
                }
                catch (AggregateException)
                {
                    // Workers report their errors through the chunks; a worker fault was surfaced above.
                }
            }
        }
    }

    private void Work()
    {
        var parser = _newParser();
        while (true)
        {
            var i = Interlocked.Increment(ref _next);
            if (i >= _results.Length)
            {
                return;
            }

            var builders = _stop ? [] : _newBuilders();
            if (_stop)
            {
                _results[i].TrySetResult(new Chunk(CsvChunkParser.ChunkOutcome.Cancelled, builders, 0, 0, null));
                continue;
            }

            try
            {
                var outcome = parser.Parse(_file, _bounds[i], _bounds[i + 1], builders, () => _stop, n => Interlocked.Add(ref _done, n), out var rows, out var lines);
                if (outcome == CsvChunkParser.ChunkOutcome.Done)
                {
                    foreach (var b in builders)
                    {
                        b.FinishChunk();
                    }
                }

                _results[i].TrySetResult(new Chunk(outcome, builders, rows, lines, null));
            }
            catch (Exception ex)
            {
                _results[i].TrySetResult(new Chunk(CsvChunkParser.ChunkOutcome.Cancelled, builders, 0, 0, ex));
            }
        }
    }

    /// <summary>Chunk starts: <paramref name="start"/>, then the byte after the first line feed at or after each further <paramref name="chunkBytes"/>, then the file size.</summary>
    private static List<long> Boundaries(SafeFileHandle file, long start, long size, long chunkBytes)
    {
        var bounds = new List<long> { start };
        var window = new byte[1 << 16];
        var nominal = start + chunkBytes;
        while (nominal < size)
        {
            var found = -1L;
            for (var at = nominal; at < size && found < 0;)
            {
                var n = RandomAccess.Read(file, window, at);
                if (n <= 0)
                {
                    break;
                }

                var index = window.AsSpan(0, n).IndexOf((byte)'\n');
                found = index >= 0 ? at + index + 1 : -1;
                at += n;
            }

            if (found < 0 || found >= size)
            {
                break;
            }

            bounds.Add(found);
            nominal = found + chunkBytes;
        }

        bounds.Add(size);
        return bounds;
    }

    private sealed record Chunk(CsvChunkParser.ChunkOutcome Outcome, ColumnBuilder[] Builders, int Rows, int Lines, Exception? Error);
}
