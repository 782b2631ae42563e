using System.Text;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Writes scored rows as CSV bytes without a string per cell: a number is copied as written (or in invariant form when
/// the file uses another decimal separator), text is neutralised and quoted as <see cref="CsvExport"/> does, a missing
/// value stays empty.
/// </summary>
internal sealed class CsvRowSink : IRowSink
{
    private readonly BufferedStream _out;
    private readonly NumberFormat _numbers;
    private readonly IReadOnlySet<string> _markers;
    private readonly byte[] _number = new byte[64];

    public CsvRowSink(Stream stream, string[] columns, IReadOnlyList<string> modelFeatures, NumberFormat numbers, IReadOnlySet<string>? markers = null)
    {
        _out = new BufferedStream(stream, 1 << 20);
        _numbers = numbers;
        _markers = markers ?? CsvOptions.DefaultMissingMarkers;
        var header = columns.Concat(modelFeatures.Select(f => "model_" + f)).Select(c => CsvExport.Quote(CsvExport.Neutralise(c))).Append(Segmentation.SegmentTable.SegmentColumn);
        _out.Write(Encoding.UTF8.GetBytes(string.Join(',', header) + "\n"));
    }

    public void Add(CsvByteReader csv, int[] kept, double[] modelRow, int segment)
    {
        for (var i = 0; i < kept.Length; i++)
        {
            if (i > 0)
            {
                _out.WriteByte((byte)',');
            }

            var trimmed = ColumnBuilder.TrimAscii(csv.Field(kept[i]));
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (NumberParser.Parse(trimmed, _numbers, out var value) != NumberSyntax.None)
            {
                if (_numbers.IsDefault)
                {
                    _out.Write(trimmed);
                }
                else
                {
                    WriteNumber(value);
                }

                continue;
            }

            var text = Encoding.UTF8.GetString(csv.Field(kept[i]));
            if (_markers.Contains(text.Trim()))
            {
                continue;
            }

            _out.Write(Encoding.UTF8.GetBytes(CsvExport.Quote(CsvExport.Neutralise(text))));
        }

        foreach (var v in modelRow)
        {
            _out.WriteByte((byte)',');
            WriteNumber(v);
        }

        _out.WriteByte((byte)',');
        WriteNumber(segment);
        _out.WriteByte((byte)'\n');
    }

    private void WriteNumber(double value)
    {
        value.TryFormat(_number, out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
        _out.Write(_number, 0, written);
    }

    public void Dispose() => _out.Flush();
}
