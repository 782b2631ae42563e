using Parquet;
using Parquet.Schema;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Writes scored rows as Parquet, one row group per <c>rowGroupRows</c> rows, so memory stays bounded whatever the row
/// count: integer columns as INT64, real columns and <c>model_*</c> as DOUBLE, other columns (text, dates) as UTF-8
/// strings as written, <c>Segment</c> as INT64; missing values are nulls.
/// </summary>
internal sealed class ParquetRowSink : IRowSink
{
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly ColumnKind[] _kinds;
    private readonly NumberFormat _numbers;
    private readonly int _groupRows;
    private readonly object[] _buffers;
    private readonly double[][] _model;
    private readonly long[] _segments;
    private int _rows;

    public ParquetRowSink(Stream stream, (string Name, ColumnKind Kind)[] columns, IReadOnlyList<string> modelFeatures, NumberFormat numbers, int rowGroupRows)
    {
        _kinds = [.. columns.Select(c => c.Kind)];
        _numbers = numbers;
        _groupRows = rowGroupRows;
        _fields = [.. columns.Select(c => c.Kind switch
        {
            ColumnKind.Integer => (DataField)new DataField<long?>(c.Name),
            ColumnKind.Double => new DataField<double?>(c.Name),
            _ => new DataField<string>(c.Name),
        }), .. modelFeatures.Select(f => new DataField<double>("model_" + f)), new DataField<long>(Segmentation.SegmentTable.SegmentColumn)];
        _buffers = [.. _kinds.Select(k => k switch
        {
            ColumnKind.Integer => (object)new long?[rowGroupRows],
            ColumnKind.Double => new double?[rowGroupRows],
            _ => new string?[rowGroupRows],
        })];
        _model = [.. modelFeatures.Select(_ => new double[rowGroupRows])];
        _segments = new long[rowGroupRows];
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream).GetAwaiter().GetResult();
    }

    public void Add(CsvByteReader csv, int[] kept, double[] modelRow, int segment)
    {
        for (var i = 0; i < kept.Length; i++)
        {
            var trimmed = ColumnBuilder.TrimAscii(csv.Field(kept[i]));
            switch (_buffers[i])
            {
                case long?[] longs:
                    longs[_rows] = StreamedSegmentExport.Integer(trimmed);
                    break;
                case double?[] doubles:
                    doubles[_rows] = trimmed.Length > 0 && NumberParser.Parse(trimmed, _numbers, out var v) != NumberSyntax.None ? v : null;
                    break;
                case string?[] texts:
                    texts[_rows] = trimmed.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(csv.Field(kept[i]));
                    break;
            }
        }

        for (var j = 0; j < modelRow.Length; j++)
        {
            _model[j][_rows] = modelRow[j];
        }

        _segments[_rows++] = segment;
        if (_rows == _groupRows)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        using var group = _writer.CreateRowGroup();
        var f = 0;
        foreach (var buffer in _buffers)
        {
            var field = _fields[f++];
            switch (buffer)
            {
                case long?[] longs: group.WriteAsync<long>(field, longs.AsMemory(0, _rows)).GetAwaiter().GetResult(); break;
                case double?[] doubles: group.WriteAsync<double>(field, doubles.AsMemory(0, _rows)).GetAwaiter().GetResult(); break;
                case string?[] texts: group.WriteAsync(field, new ArraySegment<string?>(texts, 0, _rows)).GetAwaiter().GetResult(); break;
            }
        }

        foreach (var column in _model)
        {
            group.WriteAsync<double>(_fields[f++], (ReadOnlyMemory<double>)column.AsMemory(0, _rows)).GetAwaiter().GetResult();
        }

        group.WriteAsync<long>(_fields[f], (ReadOnlyMemory<long>)_segments.AsMemory(0, _rows)).GetAwaiter().GetResult();
        _rows = 0;
    }

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
