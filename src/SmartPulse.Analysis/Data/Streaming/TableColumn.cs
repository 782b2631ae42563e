using System.Globalization;
using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>One finished column of a <see cref="ColumnarTable"/>: its type, counts and stored values (numbers as doubles with NaN for missing, or text).</summary>
internal sealed class TableColumn
{
    internal TableColumn(LoadedColumn info, ChunkedList<double>? numbers, ChunkedList<string?>? texts, long?[]? longs, string[] dateFormats)
    {
        Info = info;
        Numbers = numbers;
        Texts = texts;
        Longs = longs;
        DateFormats = dateFormats;
    }

    public LoadedColumn Info { get; }

    public ChunkedList<double>? Numbers { get; private set; }

    /// <summary>describe() moments of <see cref="Numbers"/> computed while the file was read in parallel chunks; null when not computed.</summary>
    public ColumnMoments? Moments { get; private init; }

    public ChunkedList<string?>? Texts { get; }

    public long?[]? Longs { get; }

    public string[] DateFormats { get; }

    public bool IsStored => Numbers is not null || Texts is not null || Longs is not null;

    public bool IsNumeric => Info.Kind is ColumnKind.Integer or ColumnKind.Double;

    public static TableColumn From(ColumnBuilder b, CsvOptions options)
    {
        var kind = b.FinalKind;
        var info = new LoadedColumn(b.Name, kind, b.Declared is not null, b.Missing)
        {
            FirstNonNumeric = kind is ColumnKind.Text or ColumnKind.Date && b.NumbersSeen * 2 >= b.PresentCount && b.FirstNonNumber is { } f ? new NonNumericValue(f.Value, f.Line) : null,
        };
        string[] formats = b.Declared?.Kind == ColumnKind.Date ? [b.Declared.DateFormat ?? "yyyy-MM-dd"] : [.. options.InferredDateFormats];
        if (!b.Materialize)
        {
            return new TableColumn(info, null, null, null, formats);
        }

        if (kind == ColumnKind.Integer && b.BeyondDoublePrecision)
        {
            var texts = b.Texts!;
            var longs = new long?[texts.Count];
            var i = 0;
            foreach (var text in texts.Items())
            {
                longs[i++] = text is { } t ? long.Parse(t.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
            }

            return new TableColumn(info, null, null, longs, formats);
        }

        if (kind is ColumnKind.Integer or ColumnKind.Double)
        {
            var numbers = b.Numbers ?? new ChunkedList<double>();
            if (numbers.Count == 0 && b.Texts is null)
            {
                numbers.AddRepeated(double.NaN, b.Missing);
            }

            return new TableColumn(info, numbers, null, null, formats) { Moments = b.Moments is { } m && m.Count == b.PresentCount ? m : null };
        }

        return new TableColumn(info, null, b.Texts ?? AllMissing(b.Missing), null, formats);
    }

    private static ChunkedList<string?> AllMissing(long count)
    {
        var list = new ChunkedList<string?>();
        list.AddRepeated(null, count);
        return list;
    }

    /// <summary>The present numeric values, in row order.</summary>
    public double[] Present()
    {
        var result = new double[(Longs?.LongLength ?? Numbers!.Count) - Info.MissingCount];
        CopyPresent(result);
        return result;
    }

    /// <summary>Copies the present numeric values, in row order, to the start of <paramref name="target"/>; returns how many.</summary>
    public int CopyPresent(double[] target)
    {
        var n = 0;
        if (Longs is not null)
        {
            foreach (var v in Longs)
            {
                if (v is { } x)
                {
                    target[n++] = x;
                }
            }

            return n;
        }

        for (var b = 0; b < Numbers!.BlockCount; b++)
        {
            foreach (var v in Numbers.Block(b))
            {
                if (!double.IsNaN(v))
                {
                    target[n++] = v;
                }
            }
        }

        return n;
    }

    /// <summary>Moves the numbers into <paramref name="target"/> (NaN = missing), releasing the stored blocks.</summary>
    public void MoveNumbersTo(Span<double> target)
    {
        if (Longs is not null)
        {
            for (var i = 0; i < Longs.Length; i++)
            {
                target[i] = Longs[i] is { } v ? v : double.NaN;
            }

            return;
        }

        Numbers!.CopyTo(target, release: true);
        Numbers = null;
    }

    public DataFrameColumn ToDataFrameColumn(string source)
    {
        var name = Info.Name;
        switch (Info.Kind)
        {
            case ColumnKind.Integer when Longs is not null:
                return new Int64DataFrameColumn(name, Longs);
            case ColumnKind.Integer:
            {
                var values = new long?[Numbers!.Count];
                var i = 0;
                for (var b = 0; b < Numbers.BlockCount; b++)
                {
                    foreach (var v in Numbers.Block(b))
                    {
                        values[i++] = double.IsNaN(v) ? null : (long)v;
                    }
                }

                return new Int64DataFrameColumn(name, values);
            }

            case ColumnKind.Double:
            {
                var values = new double?[Numbers!.Count];
                var i = 0;
                for (var b = 0; b < Numbers.BlockCount; b++)
                {
                    foreach (var v in Numbers.Block(b))
                    {
                        values[i++] = double.IsNaN(v) ? null : v;
                    }
                }

                return new DoubleDataFrameColumn(name, values);
            }

            case ColumnKind.Date:
            {
                var values = new DateTime?[Texts!.Count];
                var i = -1;
                foreach (var text in Texts.Items())
                {
                    i++;
                    if (text is { } t)
                    {
                        values[i] = DateTime.TryParseExact(t.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                            ? d
                            : throw new CsvFormatException(source, null, name, $"value '{t}' is not a date in the format '{string.Join("' or '", DateFormats)}'. Fix the value, leave the cell empty to mark it missing, or declare the column as text.");
                    }
                }

                return new DateTimeDataFrameColumn(name, values);
            }

            default:
                return new StringDataFrameColumn(name, Texts!.ToArray());
        }
    }
}
