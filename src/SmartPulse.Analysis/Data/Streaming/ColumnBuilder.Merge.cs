namespace SmartPulse.Analysis.Data;

/// <summary>The parallel reader's side of <see cref="ColumnBuilder"/>: ending a chunk and joining chunks in file order.</summary>
internal sealed partial class ColumnBuilder
{
    /// <summary>Ends one chunk of the parallel reader: computes <see cref="Moments"/> of the stored numbers.</summary>
    public void FinishChunk()
    {
        Moments = _mode == Mode.Numbers ? ColumnMoments.Of(Numbers!) : _mode == Mode.Unknown ? ColumnMoments.Empty : null;
    }

    /// <summary>
    /// Appends <paramref name="next"/>, the same column read from the next chunk of the file (its lines
    /// numbered from 1 at the chunk's start, <paramref name="lineOffset"/> lines after the file's start):
    /// counts add, type flags combine as if one builder had seen every value in order, stored values move
    /// over (the chunk's blocks are released), and the first non-numeric value keeps the earliest line. A
    /// column that ends up text after one of its parts stored numbers is marked for a second read, as the
    /// one-pass reader does.
    /// </summary>
    public void Absorb(ColumnBuilder next, int lineOffset)
    {
        var rowsBefore = Rows;
        if (FirstNonNumber is null && next.FirstNonNumber is { } f)
        {
            FirstNonNumber = (f.Value, f.Line + lineOffset);
        }

        Moments = Moments is { } a && next.Moments is { } b ? ColumnMoments.Combine(a, b) : null;
        AllInt &= next.AllInt;
        AllDouble &= next.AllDouble;
        AllDate &= next.AllDate;
        AnyPresent |= next.AnyPresent;
        BeyondDoublePrecision |= next.BeyondDoublePrecision;
        Missing += next.Missing;
        _numbersSeen += next.NumbersSeen;
        _present += next.PresentCount;
        if (!Materialize)
        {
            _mode = _mode == Mode.Dropped || next._mode == Mode.Dropped ? Mode.Dropped : Mode.Unknown;
            UpdateFast();
            return;
        }

        switch (_mode, next._mode)
        {
            case (Mode.Dropped, _):
                break;
            case (_, Mode.Dropped):
            case (Mode.Numbers, Mode.Text):
            case (Mode.Text, Mode.Numbers):
                // The one-pass reader would have kept this column's text; read it again.
                (_mode, Numbers, Texts) = (Mode.Dropped, null, null);
                break;
            case (Mode.Unknown, Mode.Unknown):
                _leadingMissing += next._leadingMissing;
                break;
            case (Mode.Unknown, Mode.Numbers):
                Numbers = new ChunkedList<double>();
                Numbers.AddRepeated(double.NaN, rowsBefore);
                Numbers.Adopt(next.Numbers!);
                _mode = Mode.Numbers;
                break;
            case (Mode.Unknown, Mode.Text):
                Texts = new ChunkedList<string?>();
                Texts.AddRepeated(null, rowsBefore);
                Texts.Adopt(next.Texts!);
                _mode = Mode.Text;
                break;
            case (Mode.Numbers, Mode.Unknown):
                Numbers!.AddRepeated(double.NaN, next._leadingMissing);
                break;
            case (Mode.Numbers, Mode.Numbers):
                Numbers!.Adopt(next.Numbers!);
                break;
            case (Mode.Text, Mode.Unknown):
                Texts!.AddRepeated(null, next._leadingMissing);
                break;
            case (Mode.Text, Mode.Text):
                Texts!.Adopt(next.Texts!);
                break;
        }

        UpdateFast();
    }
}
