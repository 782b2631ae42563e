using System.Collections.Concurrent;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// The Parquet side of <see cref="FeatureChunkReader"/>: reads the feature columns row group by row group and
/// refills fixed-size <see cref="FeatureChunk"/> blocks across row-group boundaries (every block but the last is full).
/// Numeric physical types only; anything else names the column and its type.
/// </summary>
internal static class ParquetFeatureChunks
{
    public static string[] Names(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = Open(stream, path);
        try
        {
            return reader.Schema.Fields.Select(f => f.Name).ToArray();
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static void Produce(string path, string[] features, BlockingCollection<FeatureChunk> free, BlockingCollection<FeatureChunk> full, CancellationToken stop, Action<long, long>? progress)
    {
        using var stream = File.OpenRead(path);
        var reader = Open(stream, path);
        try
        {
            Produce(reader, stream, path, features, free, full, stop, progress);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Produce(ParquetReader reader, Stream stream, string path, string[] features, BlockingCollection<FeatureChunk> free, BlockingCollection<FeatureChunk> full, CancellationToken stop, Action<long, long>? progress)
    {
        var fields = features.Select(f => reader.Schema.GetDataFields().FirstOrDefault(x => x.Name == f)
            ?? throw new CsvFormatException(path, null, f, "nested Parquet columns are not supported as features; flatten the column.")).ToArray();
        foreach (var field in fields)
        {
            var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
            if (!(t.IsPrimitive && t != typeof(bool) && t != typeof(char)) && t != typeof(decimal))
            {
                throw new CsvFormatException(path, null, field.Name, $"Parquet column type {t.Name} is not a number; segmentation needs numbers. Exclude it from --features.");
            }
        }

        FeatureChunk? chunk = null;
        long first = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var values = fields.Select(f => Read(group, f, n)).ToArray();
            var offset = 0;
            while (offset < n)
            {
                chunk ??= Start(free, stop, first);
                var take = Math.Min(n - offset, chunk.Capacity - chunk.Rows);
                for (var j = 0; j < fields.Length; j++)
                {
                    values[j].AsSpan(offset, take).CopyTo(chunk.Values.AsSpan((j * chunk.Capacity) + chunk.Rows, take));
                }

                chunk.Rows += take;
                offset += take;
                if (chunk.Rows == chunk.Capacity)
                {
                    first += chunk.Rows;
                    full.Add(chunk, stop);
                    chunk = null;
                }
            }

            progress?.Invoke(stream.Position, stream.Length);
        }

        if (chunk is { Rows: > 0 })
        {
            full.Add(chunk, stop);
        }
    }

    private static FeatureChunk Start(BlockingCollection<FeatureChunk> free, CancellationToken stop, long first)
    {
        var chunk = free.Take(stop);
        chunk.Rows = 0;
        chunk.FirstRow = first;
        return chunk;
    }

    private static ParquetReader Open(Stream stream, string path)
    {
        try
        {
            return ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new CsvFormatException(path, null, null, $"not a readable Parquet file ({ex.Message}).");
        }
    }

    private static double[] Read(ParquetRowGroupReader group, DataField field, int n)
    {
        var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return t switch
        {
            _ when t == typeof(double) => Numbers<double>(group, field, n),
            _ when t == typeof(float) => Numbers<float>(group, field, n),
            _ when t == typeof(decimal) => Numbers<decimal>(group, field, n),
            _ when t == typeof(long) => Numbers<long>(group, field, n),
            _ when t == typeof(int) => Numbers<int>(group, field, n),
            _ when t == typeof(short) => Numbers<short>(group, field, n),
            _ when t == typeof(byte) => Numbers<byte>(group, field, n),
            _ when t == typeof(sbyte) => Numbers<sbyte>(group, field, n),
            _ when t == typeof(ushort) => Numbers<ushort>(group, field, n),
            _ when t == typeof(uint) => Numbers<uint>(group, field, n),
            _ => Numbers<ulong>(group, field, n),
        };
    }

    private static double[] Numbers<T>(ParquetRowGroupReader group, DataField field, int n)
        where T : struct, INumberBase<T>
    {
        var buffer = new T?[n];
        group.ReadAsync<T>(field, buffer.AsMemory()).GetAwaiter().GetResult();
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = buffer[i] is { } x ? double.CreateChecked(x) : double.NaN;
        }

        return result;
    }
}
