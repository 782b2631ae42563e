using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Writes a DataFrame as one Parquet file (Parquet.Net, one row group): integer columns as INT64,
/// real columns as DOUBLE, dates as timestamps, booleans, everything else as UTF-8 strings; nulls stay
/// nulls. Atomic like <see cref="CsvExport"/> (temp file in the target's folder, then rename). Text is
/// written as is: Parquet is not opened by spreadsheets, so no formula neutralisation is needed.
/// </summary>
public static class ParquetExport
{
    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/>.</summary>
    /// <param name="frame">The table.</param>
    /// <param name="path">The target; refused if it is a device, FIFO or folder, or read-only without <paramref name="force"/>.</param>
    /// <param name="force">Replace a read-only file.</param>
    public static void Write(DataFrame frame, string path, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        AtomicFile.Write(path, stream =>
        {
            // Parquet.Net owns the stream it writes to; write to memory, then copy into the atomic temp file.
            using var memory = new MemoryStream();
            WriteTo(frame, memory);
            memory.Position = 0;
            memory.CopyTo(stream);
        }, force);
    }

    /// <summary>Writes <paramref name="frame"/> as Parquet to <paramref name="stream"/>.</summary>
    public static void WriteTo(DataFrame frame, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var fields = frame.Columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields);
        var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        try
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                var column = frame.Columns[c];
                var field = schema.DataFields[c];
                var n = (int)column.Length;
                switch (column)
                {
                    case Int64DataFrameColumn or Int32DataFrameColumn or Int16DataFrameColumn or ByteDataFrameColumn:
                        group.WriteAsync<long>(field, Enumerable.Range(0, n).Select(i => column[i] is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                        break;
                    case DoubleDataFrameColumn or SingleDataFrameColumn or DecimalDataFrameColumn:
                        group.WriteAsync<double>(field, Enumerable.Range(0, n).Select(i => column[i] is { } v ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : (double?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                        break;
                    case DateTimeDataFrameColumn:
                        group.WriteAsync<DateTime>(field, Enumerable.Range(0, n).Select(i => (DateTime?)column[i]).ToArray().AsMemory()).GetAwaiter().GetResult();
                        break;
                    case BooleanDataFrameColumn:
                        group.WriteAsync<bool>(field, Enumerable.Range(0, n).Select(i => (bool?)column[i]).ToArray().AsMemory()).GetAwaiter().GetResult();
                        break;
                    default:
                        group.WriteAsync(field, Data.FrameColumns.Text(column)).GetAwaiter().GetResult();
                        break;
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static DataField Field(DataFrameColumn column) => column switch
    {
        Int64DataFrameColumn or Int32DataFrameColumn or Int16DataFrameColumn or ByteDataFrameColumn => new DataField<long?>(column.Name),
        DoubleDataFrameColumn or SingleDataFrameColumn or DecimalDataFrameColumn => new DataField<double?>(column.Name),
        DateTimeDataFrameColumn => new DataField<DateTime?>(column.Name),
        BooleanDataFrameColumn => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name),
    };
}
