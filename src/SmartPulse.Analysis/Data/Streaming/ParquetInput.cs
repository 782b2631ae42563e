using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Reads a Parquet file (Parquet.Net) row group by row group into the same typed columns as the CSV
/// reader: integral types → Integer, float/double/decimal → Double, string → Text, bool → Text
/// ("true"/"false"), date/time types → Date. Nested (list, map, struct) and binary columns are
/// refused with the column's name and type.
/// </summary>
internal static class ParquetInput
{
    public static ColumnarTable Read(string fullPath, IReadOnlyCollection<string>? columns, Action<long, long>? progress)
    {
        using var stream = File.OpenRead(fullPath);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new CsvFormatException(fullPath, null, null, $"not a readable Parquet file ({ex.Message}).");
        }

        try
        {
            foreach (var field in reader.Schema.Fields)
            {
                if (field is not DataField)
                {
                    throw new CsvFormatException(fullPath, null, field.Name, $"Parquet column type {field.SchemaType} ({field.GetType().Name}) is not supported; SmartPulse reads flat columns of numbers, text, booleans and dates. Flatten or drop the column.");
                }
            }

            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToArray();
            foreach (var c in columns ?? [])
            {
                if (Array.IndexOf(names, c) < 0)
                {
                    throw new ArgumentException($"'{c}' is not a column of {fullPath}. Columns: {string.Join(", ", names)}.", nameof(columns));
                }
            }

            var kinds = fields.Select(f => KindOf(f, fullPath)).ToArray();
            var numbers = kinds.Select(k => k is ColumnKind.Integer or ColumnKind.Double ? new ChunkedList<double>() : null).ToArray();
            var texts = kinds.Select(k => k is ColumnKind.Text or ColumnKind.Date ? new ChunkedList<string?>() : null).ToArray();
            var missing = new long[fields.Length];
            var keep = fields.Select(f => columns is null || columns.Contains(f.Name)).ToArray();
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                for (var j = 0; j < fields.Length; j++)
                {
                    if (numbers[j] is not null)
                    {
                        ReadNumbers(group, fields[j], n, keep[j] ? numbers[j] : null, ref missing[j]);
                    }
                    else
                    {
                        ReadTexts(group, fields[j], n, keep[j] ? texts[j] : null, ref missing[j]);
                    }
                }

                rows += group.RowCount;
                progress?.Invoke(stream.Position, stream.Length);
            }

            if (rows > int.MaxValue)
            {
                throw new CsvFormatException(fullPath, null, null, $"{rows} rows is more than one table holds ({int.MaxValue}); use the streamed commands (segment --mini-batch, score).");
            }

            var table = fields.Select((f, j) => new TableColumn(
                new LoadedColumn(f.Name, kinds[j], true, missing[j]),
                keep[j] ? numbers[j] : null,
                keep[j] ? texts[j] : null,
                null,
                ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"])).ToArray();
            return new ColumnarTable(fullPath, '\0', (int)rows, table);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void ReadNumbers(ParquetRowGroupReader group, DataField field, int n, ChunkedList<double>? into, ref long missing)
    {
        var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        missing += t switch
        {
            _ when t == typeof(double) => Numbers<double>(group, field, n, into),
            _ when t == typeof(float) => Numbers<float>(group, field, n, into),
            _ when t == typeof(decimal) => Numbers<decimal>(group, field, n, into),
            _ when t == typeof(long) => Numbers<long>(group, field, n, into),
            _ when t == typeof(int) => Numbers<int>(group, field, n, into),
            _ when t == typeof(short) => Numbers<short>(group, field, n, into),
            _ when t == typeof(byte) => Numbers<byte>(group, field, n, into),
            _ when t == typeof(sbyte) => Numbers<sbyte>(group, field, n, into),
            _ when t == typeof(ushort) => Numbers<ushort>(group, field, n, into),
            _ when t == typeof(uint) => Numbers<uint>(group, field, n, into),
            _ => Numbers<ulong>(group, field, n, into),
        };
    }

    private static long Numbers<T>(ParquetRowGroupReader group, DataField field, int n, ChunkedList<double>? into)
        where T : struct, INumberBase<T>
    {
        var buffer = new T?[n];
        group.ReadAsync<T>(field, buffer.AsMemory()).GetAwaiter().GetResult();
        long missing = 0;
        foreach (var v in buffer)
        {
            missing += v is null ? 1 : 0;
            into?.Add(v is { } x ? double.CreateChecked(x) : double.NaN);
        }

        return missing;
    }

    private static void ReadTexts(ParquetRowGroupReader group, DataField field, int n, ChunkedList<string?>? into, ref long missing)
    {
        var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        string?[] values;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var buffer = new string?[n];
            group.ReadAsync(field, buffer.AsMemory()).GetAwaiter().GetResult();
            values = buffer;
        }
        else if (t == typeof(bool))
        {
            values = Structs<bool>(group, field, n, b => b ? "true" : "false");
        }
        else if (t == typeof(DateTime))
        {
            values = Structs<DateTime>(group, field, n, d => d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }
        else if (t == typeof(DateTimeOffset))
        {
            values = Structs<DateTimeOffset>(group, field, n, d => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }
        else
        {
            values = Structs<DateOnly>(group, field, n, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var v in values)
        {
            missing += v is null ? 1 : 0;
            into?.Add(v);
        }
    }

    private static string?[] Structs<T>(ParquetRowGroupReader group, DataField field, int n, Func<T, string> format)
        where T : struct
    {
        var buffer = new T?[n];
        group.ReadAsync<T>(field, buffer.AsMemory()).GetAwaiter().GetResult();
        return buffer.Select(v => v is { } x ? format(x) : null).ToArray();
    }

    private static ColumnKind KindOf(DataField field, string path)
    {
        var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong))
        {
            return ColumnKind.Integer;
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return ColumnKind.Double;
        }

        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>) || t == typeof(bool))
        {
            return ColumnKind.Text;
        }

        if (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly))
        {
            return ColumnKind.Date;
        }

        throw new CsvFormatException(path, null, field.Name, $"Parquet column type {t.Name} is not supported; SmartPulse reads numbers, text, booleans and dates. Convert or drop the column.");
    }
}
