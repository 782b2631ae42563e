using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// One column while a file streams past: decides its type from every value (integer → double →
/// ISO date → text, as <see cref="CsvLoader"/> always did), counts missing cells, remembers the first
/// value that broke each type (with its line), and stores the values it will keep — numbers as
/// doubles, text as strings. A column that turns out to be text after numbers were stored is marked
/// for a second read of that column only.
/// </summary>
internal sealed partial class ColumnBuilder
{
    private static readonly UTF8Encoding _utf8 = new(false, true);
    private readonly CsvOptions _options;
    private readonly string _source;
    private readonly string[] _dateFormats;
    private readonly bool[] _markerStarts = new bool[128];
    private long _leadingMissing;
    private long _present;
    private long _numbersSeen;
    private long _fastAdded;
    private Mode _mode;

    public ColumnBuilder(string name, ColumnSpec? declared, bool materialize, CsvOptions options, string source)
    {
        _source = source;
        Name = name;
        Declared = declared;
        Materialize = materialize;
        _options = options;
        _dateFormats = [.. options.InferredDateFormats];
        foreach (var marker in options.MissingMarkers)
        {
            var first = marker.TrimStart();
            if (first.Length > 0 && first[0] < 128)
            {
                _markerStarts[first[0]] = true;
            }
        }
        if (declared is { Kind: ColumnKind.Text or ColumnKind.Date })
        {
            AllInt = AllDouble = false;
            _mode = materialize ? Mode.Text : Mode.Dropped;
            Texts = materialize ? new ChunkedList<string?>() : null;
        }
    }

    private enum Mode
    {
        Unknown,
        Numbers,
        Text,
        Dropped,
    }

    public string Name { get; }

    public ColumnSpec? Declared { get; }

    public bool Materialize { get; }

    public bool AllInt { get; private set; } = true;

    public bool AllDouble { get; private set; } = true;

    public bool AllDate { get; private set; } = true;

    public bool AnyPresent { get; private set; }

    public long Missing { get; private set; }

    public long NumbersSeen => _numbersSeen + _fastAdded;

    /// <summary>Present (non-missing) values.</summary>
    public long PresentCount => _present + _fastAdded;

    /// <summary>First value that is not a finite number, and its line.</summary>
    public (string Value, int Line)? FirstNonNumber { get; private set; }

    /// <summary>Whole numbers beyond ±2^53 were seen (a double cannot hold them exactly).</summary>
    public bool BeyondDoublePrecision { get; private set; }

    /// <summary>The stored values must be read again (the column became text after numbers were stored).</summary>
    public bool NeedsReread => Materialize && (_mode == Mode.Dropped || (FinalKind == ColumnKind.Integer && BeyondDoublePrecision));

    public ChunkedList<double>? Numbers { get; private set; }

    /// <summary>describe() moments of the stored numbers, when the parallel reader computed them per chunk; null otherwise.</summary>
    public ColumnMoments? Moments { get; private set; }

    /// <summary>Rows seen (present or missing).</summary>
    private long Rows => Missing + PresentCount;

    public ChunkedList<string?>? Texts { get; private set; }

    public ColumnKind FinalKind => Declared?.Kind ?? (!AnyPresent ? ColumnKind.Double : AllInt ? ColumnKind.Integer : AllDouble ? ColumnKind.Double : AllDate ? ColumnKind.Date : ColumnKind.Text);

    public void Add(ReadOnlySpan<byte> raw, int line, NumberFormat format)
    {
        AddSlow(raw, line, format);
        UpdateFast();
    }

    private void AddSlow(ReadOnlySpan<byte> raw, int line, NumberFormat format)
    {
        var trimmed = TrimAscii(raw);
        if (trimmed.Length == 0 || IsMarker(trimmed))
        {
            Missing++;
            switch (_mode)
            {
                case Mode.Unknown: _leadingMissing++; break;
                case Mode.Numbers: Numbers!.Add(double.NaN); break;
                case Mode.Text: Texts!.Add(null); break;
            }

            return;
        }

        AnyPresent = true;
        _present++;
        if (!AllDouble && Declared is null && NumberParser.Parse(trimmed, format, out _) != NumberSyntax.None)
        {
            _numbersSeen++;
        }

        if (AllDouble)
        {
            var syntax = NumberParser.Parse(trimmed, format, out var value);
            if (syntax != NumberSyntax.None)
            {
                _numbersSeen++;
                if (syntax == NumberSyntax.Real && AllInt)
                {
                    AllInt = false;
                    if (Declared?.Kind == ColumnKind.Integer)
                    {
                        throw Fail(raw, line, "a whole number (invariant culture, no thousands separator)");
                    }
                }
                else if (syntax == NumberSyntax.Integer && Math.Abs(value) > 9007199254740992.0)
                {
                    BeyondDoublePrecision = true;
                }

                if (AllDate)
                {
                    AllDate = IsDate(Decode(trimmed, line));
                }

                if (_mode == Mode.Unknown && Materialize)
                {
                    _mode = Mode.Numbers;
                    Numbers = new ChunkedList<double>();
                    Numbers.AddRepeated(double.NaN, _leadingMissing);
                }

                if (_mode == Mode.Numbers)
                {
                    Numbers!.Add(value);
                }

                return;
            }

            var text = Decode(raw, line);
            if (Declared is { Kind: ColumnKind.Integer or ColumnKind.Double } d)
            {
                throw Fail(raw, line, d.Kind == ColumnKind.Integer
                    ? "a whole number (invariant culture, no thousands separator)"
                    : "a finite number (invariant culture: '.' as the decimal point, no thousands separator)");
            }

            AllDouble = AllInt = false;
            FirstNonNumber = (text.Trim(), line);
            if (_mode == Mode.Numbers)
            {
                Numbers = null;
                _mode = Mode.Dropped;
            }
            else if (_mode == Mode.Unknown)
            {
                _mode = Materialize ? Mode.Text : Mode.Dropped;
                if (Materialize)
                {
                    Texts = new ChunkedList<string?>();
                    Texts.AddRepeated(null, _leadingMissing);
                }
            }
        }

        if (Declared is { Kind: ColumnKind.Date } date)
        {
            var dateFormat = date.DateFormat ?? "yyyy-MM-dd";
            if (!DateTime.TryParseExact(Decode(trimmed, line), dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw Fail(raw, line, $"a date in the declared format '{dateFormat}'");
            }
        }
        else if (AllDate && Declared is null)
        {
            AllDate = IsDate(Decode(trimmed, line));
        }

        if (_mode == Mode.Text)
        {
            Texts!.Add(Decode(raw, line));
        }
    }

    /// <summary>
    /// Adds a number the caller already parsed with <see cref="NumberParser.TryScan"/> from <paramref name="raw"/>,
    /// a field that needs no trimming and cannot be a missing marker. The common case (a numeric column
    /// already storing numbers) only counts and stores; anything else takes <see cref="Add"/>, so the
    /// result is the same as adding the raw field.
    /// </summary>
    public void AddNumber(ReadOnlySpan<byte> raw, double value, NumberSyntax syntax, int line)
    {
        if (!TryAddFast(value, syntax))
        {
            Add(raw, line, _options.Numbers);
        }
    }

    /// <summary>
    /// Counts and stores a plain number when that is all <see cref="Add"/> would do with it (a column that is
    /// still all numbers, already storing them, no date check pending, and the value does not change the type);
    /// false when the caller must use <see cref="AddNumber"/> instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAddFast(double value, NumberSyntax syntax)
    {
        if (!_fast || (syntax == NumberSyntax.Integer ? Math.Abs(value) > 9007199254740992.0 : AllInt))
        {
            return false;
        }

        _fastAdded++;
        Numbers?.Add(value);
        return true;
    }

    /// <summary>True when a plain number needs only counting and storing (see <see cref="TryAddFast"/>).</summary>
    private bool _fast;

    private void UpdateFast() =>
        _fast = AllDouble && !AllDate && AnyPresent && (_mode == Mode.Numbers || (_mode == Mode.Unknown && !Materialize));

    /// <summary>Adds a raw value during the second read (text kept as is).</summary>
    public void AddReread(ReadOnlySpan<byte> raw, int line)
    {
        Texts ??= new ChunkedList<string?>();
        var trimmed = TrimAscii(raw);
        Texts.Add(trimmed.Length == 0 || IsMarker(trimmed) ? null : Decode(raw, line));
    }

    public void ResetForReread()
    {
        Numbers = null;
        Texts = new ChunkedList<string?>();
    }

    private bool IsDate(string value) =>
        DateTime.TryParseExact(value, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private bool IsMarker(ReadOnlySpan<byte> trimmed)
    {
        if (trimmed.Length > 16 || (trimmed[0] < 128 && !_markerStarts[trimmed[0]]))
        {
            return false;
        }

        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] > 127)
            {
                return _options.MissingMarkers.Contains(Encoding.UTF8.GetString(trimmed).Trim());
            }

            chars[i] = (char)trimmed[i];
        }

        var lookup = _options.MissingMarkers as HashSet<string>;
        var alternate = lookup?.GetAlternateLookup<ReadOnlySpan<char>>();
        return alternate is { } a ? a.Contains(chars[..trimmed.Length]) : _options.MissingMarkers.Contains(new string(chars[..trimmed.Length]));
    }

    private string Decode(ReadOnlySpan<byte> bytes, int line)
    {
        try
        {
            return _utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(_source, line, Name, EncodingProblem(bytes));
        }
    }

    internal static string EncodingProblem(ReadOnlySpan<byte> bytes)
    {
        var bad = bytes.ToArray().FirstOrDefault(b => b >= 0x80);
        var latin1 = Encoding.Latin1.GetString(bytes);
        return $"the bytes are not valid UTF-8 (byte 0x{bad:X2}; read as Latin-1 the value is '{latin1}'). The file looks like Latin-1 / Windows-1252: " +
            "pass --encoding latin1 (CsvOptions.Encoding = Encoding.Latin1), or re-save it as UTF-8 (Excel: 'CSV UTF-8').";
    }

    internal static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && IsSpace(s[a]))
        {
            a++;
        }

        while (b > a && IsSpace(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;

    private CsvFormatException Fail(ReadOnlySpan<byte> raw, int line, string expected) =>
        new(_source, line, Name,
            $"value '{Decode(raw, line)}' is not {expected}. Fix the value, leave the cell empty to mark it missing, or declare the column as text.");
}
