using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// The streaming, columnar, typed reader behind <see cref="CsvLoader"/>, <c>smartpulse profile</c>,
/// <c>segment</c> and <c>score</c>. Reads CSV, TSV, semicolon-separated and gzip-compressed files
/// (gzip recognised by content) in one pass of fixed-size buffers straight into typed columns:
/// numbers are parsed from the bytes and stored as doubles in blocks (no string per numeric cell),
/// each column's type is inferred from all its values (integer → double → ISO date → text), and a
/// column that turns text late is read again on its own. Parquet files (by content) go to
/// <see cref="ParquetInput"/>. Memory: the kept columns (8 bytes per numeric cell) plus buffers that
/// do not grow with the file; columns not asked for are checked and counted but not stored.
/// </summary>
public static class ColumnarReader
{
    private const int ProgressEveryRows = 1 << 16;
    private const int BatchRows = 16_384;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">A delimited text file (optionally gzip-compressed) or a Parquet file.</param>
    /// <param name="options">Delimiter, schema, missing markers, number format, encoding; null = defaults.</param>
    /// <param name="columns">Columns to keep (all when null); the others are still type-checked and counted.</param>
    /// <param name="progress">Called now and then with the bytes of the file consumed and its total size.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">Bad content: the message names the line, column and value and the fix.</exception>
    /// <exception cref="ArgumentException">A requested column is not in the file (the message lists the columns).</exception>
    public static ColumnarTable Read(string path, CsvOptions? options = null, IReadOnlyCollection<string>? columns = null, Action<long, long>? progress = null) =>
        Read(path, options, columns, progress, ParallelCsvReader.DefaultChunkBytes);

    /// <summary><see cref="Read(string, CsvOptions?, IReadOnlyCollection{string}?, Action{long, long}?)"/> with the parallel reader's chunk size (tests use small chunks).</summary>
    internal static ColumnarTable Read(string path, CsvOptions? options, IReadOnlyCollection<string>? columns, Action<long, long>? progress, long chunkBytes)
    {
        var fullPath = InputFile.Resolve(path);
        if (InputFile.IsParquet(fullPath))
        {
            return ParquetInput.Read(fullPath, columns, progress);
        }

        options ??= new CsvOptions();
        var total = new FileInfo(fullPath).Length;
        Func<Stream> open = () => InputFile.OpenUtf8(fullPath, options.Encoding, out _);
        Func<long>? position = null;
        Func<Stream> openWithProgress = () =>
        {
            var s = InputFile.OpenUtf8(fullPath, options.Encoding, out var p);
            position = p;
            return s;
        };
        var parallel = ParallelCsvReader.Eligible(fullPath, options, chunkBytes) ? new ParallelSource(fullPath, chunkBytes, progress) : null;
        return ReadStream(openWithProgress, open, fullPath, options, columns, progress is null ? null : () => progress(position?.Invoke() ?? 0, total), parallel);
    }

    /// <summary>True when <paramref name="path"/> is a Parquet file (by its PAR1 magic bytes, whatever its extension).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static bool IsParquetFile(string path) => InputFile.IsParquet(InputFile.Resolve(path));

    /// <summary>Reads CSV text already in memory; <paramref name="sourceName"/> is used in messages.</summary>
    /// <exception cref="CsvFormatException">Bad content: the message names the line, column and value and the fix.</exception>
    public static ColumnarTable ReadText(string text, string sourceName, CsvOptions? options = null, IReadOnlyCollection<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        Stream Open() => new MemoryStream(bytes, writable: false);
        return ReadStream(Open, Open, sourceName, options ?? new CsvOptions(), columns, null, null);
    }

    private static ColumnarTable ReadStream(Func<Stream> open, Func<Stream> reopen, string source, CsvOptions options, IReadOnlyCollection<string>? columns, Action? tick, ParallelSource? parallel)
    {
        options.Numbers.Validate();
        using var stream = new BufferedPrefixStream(open());
        var head = new byte[1 << 16];
        var headLength = stream.Peek(head);
        var headText = Encoding.UTF8.GetString(head, 0, headLength);
        if (string.IsNullOrWhiteSpace(headText) && headLength < head.Length)
        {
            throw new CsvFormatException(source, null, null, "the file is empty. A customer file needs a header line and at least one data row.");
        }

        var delimiter = options.Delimiter ?? DelimiterSniffer.Sniff(headText);
        var reader = new CsvByteReader(stream, delimiter, source);
        if (!reader.Next())
        {
            throw new CsvFormatException(source, null, null, "the file is empty. A customer file needs a header line and at least one data row.");
        }

        var headerLine = reader.Line;
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = CsvHeader.Decode(reader.Field(i), source, headerLine, i).Trim();
        }

        CsvHeader.Validate(names, headerLine, source);
        var declared = CsvHeader.CheckSchema(names, headerLine, source, options);
        if (columns is not null)
        {
            foreach (var c in columns.Where(c => Array.IndexOf(names, c) < 0))
            {
                throw new ArgumentException($"'{c}' is not a column of {source}. Columns: {string.Join(", ", names)}.", nameof(columns));
            }
        }

        var keep = columns is null ? null : new HashSet<string>(columns, StringComparer.Ordinal);
        ColumnBuilder[] NewBuilders() => names.Select(n => new ColumnBuilder(n, declared.GetValueOrDefault(n), keep is null || keep.Contains(n), options, source)).ToArray();
        var builders = NewBuilders();
        if (parallel is not null)
        {
            // The header was read by the one-pass reader; the data after it goes to the parallel reader (BOM skipped by OpenUtf8).
            var dataStart = InputFile.BomLength(parallel.FullPath) + reader.Consumed;
            if (ParallelCsvReader.TryRead(parallel.FullPath, dataStart, reader.NextLine - 1, names, delimiter, options, NewBuilders, builders, parallel.Progress, parallel.ChunkBytes) is { } parallelRows)
            {
                return Finish(reopen, source, delimiter, options, names, headerLine, builders, parallelRows, null);
            }

            builders = NewBuilders();
        }

        var idIndex = options.IdColumn is null ? -1 : Array.IndexOf(names, options.IdColumn);
        var seenIds = idIndex < 0 ? null : new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        var format = options.Numbers;
        var filling = new RecordBatch(names.Length, BatchRows);
        var spare = new RecordBatch(names.Length, BatchRows);
        Task? parsing = null;
        while (true)
        {
            bool more;
            try
            {
                more = reader.Next();
                if (more && reader.FieldCount != names.Length)
                {
                    throw new CsvFormatException(source, reader.Line, reader.FieldCount > names.Length ? $"field {names.Length + 1}" : names[reader.FieldCount - 1],
                        $"expected {names.Length} fields (as in the header) but found {reader.FieldCount}. " +
                        $"Check for a missing or extra delimiter ('{(delimiter == '\t' ? "\\t" : delimiter.ToString())}') or an unquoted field containing one.");
                }
            }
            catch (CsvFormatException)
            {
                // An earlier row's bad value is reported before this later line.
                Await(parsing);
                throw;
            }

            if (more)
            {
                filling.Add(reader);
                if (seenIds is not null)
                {
                    CheckId(reader, idIndex, options, seenIds, source);
                }

                if (++rows % ProgressEveryRows == 0)
                {
                    tick?.Invoke();
                }
            }

            if (filling.IsFull || (!more && filling.Count > 0))
            {
                Await(parsing);
                var batch = filling;
                parsing = Task.Run(() => Parse(batch, builders, format));
                (filling, spare) = (spare, filling);
                filling.Clear();
            }

            if (!more)
            {
                break;
            }
        }

        Await(parsing);
        return Finish(reopen, source, delimiter, options, names, headerLine, builders, rows, tick);
    }

    private static ColumnarTable Finish(Func<Stream> reopen, string source, char delimiter, CsvOptions options, string[] names, int headerLine, ColumnBuilder[] builders, int rows, Action? tick)
    {
        if (rows == 0)
        {
            throw new CsvFormatException(source, headerLine, null,
                $"the file has a header ({names.Length} columns: {string.Join(", ", names)}) but no data rows.");
        }

        var reread = builders.Where(b => b.NeedsReread).ToArray();
        if (reread.Length > 0)
        {
            Reread(reopen, delimiter, source, builders, reread);
        }

        tick?.Invoke();
        return new ColumnarTable(source, delimiter, rows, builders.Select(b => TableColumn.From(b, options)).ToArray());
    }

    private static void Parse(RecordBatch batch, ColumnBuilder[] builders, NumberFormat format)
    {
        Parallel.For(0, builders.Length, Parallelism.Options, c =>
        {
            var builder = builders[c];
            for (var r = 0; r < batch.Count; r++)
            {
                builder.Add(batch.Field(r, c), batch.Line(r), format);
            }
        });
    }

    /// <summary>Waits for a batch; of several columns' errors, the one on the earliest line is thrown.</summary>
    private static void Await(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (AggregateException ex)
        {
            var all = ex.Flatten().InnerExceptions;
            var first = all.OfType<CsvFormatException>().OrderBy(e => e.Line ?? int.MaxValue).FirstOrDefault();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first ?? all[0]).Throw();
        }
    }

    private static void Reread(Func<Stream> reopen, char delimiter, string source, ColumnBuilder[] builders, ColumnBuilder[] reread)
    {
        foreach (var b in reread)
        {
            b.ResetForReread();
        }

        var indexes = reread.Select(b => Array.IndexOf(builders, b)).ToArray();
        using var stream = reopen();
        var reader = new CsvByteReader(stream, delimiter, source);
        reader.Next();
        while (reader.Next())
        {
            for (var i = 0; i < indexes.Length; i++)
            {
                reread[i].AddReread(reader.Field(indexes[i]), reader.Line);
            }
        }
    }

    private static void CheckId(CsvByteReader reader, int index, CsvOptions options, Dictionary<string, int> seen, string source)
    {
        var id = Encoding.UTF8.GetString(reader.Field(index)).Trim();
        if (id.Length == 0 || options.MissingMarkers.Contains(id))
        {
            throw new CsvFormatException(source, reader.Line, options.IdColumn, "the id is missing. Every row needs an id in the id column.");
        }

        if (seen.TryGetValue(id, out var firstLine))
        {
            throw new CsvFormatException(source, reader.Line, options.IdColumn,
                $"duplicate id '{id}' (first seen on line {firstLine}). Ids must be unique; remove or renumber the duplicate row.");
        }

        seen[id] = reader.Line;
    }

    private sealed record ParallelSource(string FullPath, long ChunkBytes, Action<long, long>? Progress);
}
