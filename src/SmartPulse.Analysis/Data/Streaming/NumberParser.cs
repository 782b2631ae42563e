using System.Globalization;
using System.Runtime.CompilerServices;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Parses a trimmed UTF-8 field as a number exactly as <c>long.TryParse</c> (leading sign) and
/// <c>double.TryParse(NumberStyles.Float, InvariantCulture)</c> would, without making a string.
/// Plain decimals (optionally with an exponent) whose mantissa fits 2^53 and whose decimal exponent is
/// within ±22 take an exact fast path (<see cref="TryScan"/>: one correctly rounded multiplication or
/// division of exact doubles); everything else goes to the BCL parser.
/// A declared decimal separator other than '.' and a thousands separator are normalised first.
/// </summary>
internal static class NumberParser
{
    private static readonly double[] _pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses <paramref name="field"/>: <see cref="NumberSyntax.Integer"/>, <see cref="NumberSyntax.Real"/> or <see cref="NumberSyntax.None"/>.</summary>
    public static NumberSyntax Parse(ReadOnlySpan<byte> field, NumberFormat format, out double value)
    {
        if (format.IsDefault)
        {
            return ParseInvariant(field, out value);
        }

        Span<byte> normal = field.Length <= 128 ? stackalloc byte[field.Length] : new byte[field.Length];
        var n = 0;
        foreach (var b in field)
        {
            if (format.Thousands is { } t && b == (byte)t)
            {
                continue;
            }

            if (b == (byte)format.Decimal)
            {
                normal[n++] = (byte)'.';
            }
            else if (b == (byte)'.')
            {
                value = double.NaN;
                return NumberSyntax.None;
            }
            else
            {
                normal[n++] = b;
            }
        }

        return ParseInvariant(normal[..n], out value);
    }

    private static NumberSyntax ParseInvariant(ReadOnlySpan<byte> s, out double value)
    {
        if (TryScan(s, out var consumed, out value, out var syntax) && consumed == s.Length)
        {
            return syntax;
        }

        if (s.IsEmpty || !(s[0] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.'))
        {
            // Letters can only spell NaN or Infinity, which are not finite numbers either.
            value = double.NaN;
            return NumberSyntax.None;
        }

        var digits = s[0] is (byte)'-' or (byte)'+' ? s[1..] : s;
        if (digits.Length > 0 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            // A whole number of 19+ digits: long when it fits, as long.TryParse would.
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                value = big;
                return NumberSyntax.Integer;
            }
        }

        return Fallback(s, out value);
    }

    /// <summary>
    /// Scans a plain number at the start of <paramref name="s"/> — optional sign, digits, optional '.' and
    /// digits, optional exponent — and stops at the first byte that cannot continue it (<paramref name="consumed"/>).
    /// True when the scanned text has an exact fast answer, equal bit for bit to <c>double.Parse</c>
    /// (or <c>long.Parse</c> for a whole number of at most 18 digits; "-0" is the whole number 0):
    /// at most 19 significant digits, a mantissa m ≤ 2^53 and a decimal exponent p with |p| ≤ 22, so
    /// m·10^p or m / 10^-p is one correctly rounded operation on exact doubles (Clinger's fast path).
    /// False means "ask the BCL" (more digits, a larger exponent, subnormals, no digits at all).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryScan(ReadOnlySpan<byte> s, out int consumed, out double value, out NumberSyntax syntax)
    {
        value = double.NaN;
        syntax = NumberSyntax.None;
        consumed = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var start = i;
        uint d;
        while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
        {
            mantissa = unchecked((mantissa * 10) + d);
            i++;
        }

        var whole = i - start;
        var frac = 0;
        var real = false;
        if (i < s.Length && s[i] == (byte)'.')
        {
            real = true;
            i++;
            var fracStart = i;
            while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
            {
                mantissa = unchecked((mantissa * 10) + d);
                i++;
            }

            frac = i - fracStart;
        }

        // Leading zeros add nothing to the mantissa, so it can only have wrapped past 19 significant digits.
        if (whole + frac > 19 && Significant(s.Slice(start, i - start)) > 19)
        {
            return false;
        }

        if (whole + frac == 0)
        {
            return false;
        }

        var exponent = 0;
        if (i < s.Length && (s[i] | 0x20) == (byte)'e')
        {
            real = true;
            i++;
            var exponentNegative = false;
            if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+'))
            {
                exponentNegative = s[i] == (byte)'-';
                i++;
            }

            var expStart = i;
            while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
            {
                if (exponent > 100_000)
                {
                    return false;
                }

                exponent = (exponent * 10) + (int)d;
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        consumed = i;
        if (!real)
        {
            if (whole > 18)
            {
                return false;
            }

            // long.Parse semantics: "-0" is the whole number 0, not -0.0.
            value = mantissa == 0 ? 0 : negative ? -(double)(long)mantissa : (long)mantissa;
            syntax = NumberSyntax.Integer;
            return true;
        }

        syntax = NumberSyntax.Real;
        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (mantissa > (1UL << 53))
        {
            return false;
        }

        var p = exponent - frac;
        double v;
        if (p >= 0)
        {
            if (p > 22)
            {
                return false;
            }

            v = mantissa * _pow10[p];
        }
        else
        {
            if (p < -22)
            {
                return false;
            }

            v = mantissa / _pow10[-p];
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>Digits from the first non-zero digit on, in digits with an optional '.'.</summary>
    private static int Significant(ReadOnlySpan<byte> digits)
    {
        var first = digits.IndexOfAnyExcept((byte)'0', (byte)'.');
        return first < 0 ? 0 : digits[first..].Length - (digits[first..].Contains((byte)'.') ? 1 : 0);
    }

    private static NumberSyntax Fallback(ReadOnlySpan<byte> s, out double value)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return NumberSyntax.Real;
        }

        value = double.NaN;
        return NumberSyntax.None;
    }
}
