using System.Globalization;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Parses a trimmed UTF-8 field as a number exactly as <c>long.TryParse</c> (leading sign) and
/// <c>double.TryParse(NumberStyles.Float, InvariantCulture)</c> would, without making a string.
/// Plain decimals with at most 15 significant digits take an exact fast path (mantissa ÷ 10^f is
/// correctly rounded when both are exact doubles); everything else goes to the BCL parser.
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
        if (s.IsEmpty || !(s[0] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.'))
        {
            // Letters can only spell NaN or Infinity, which are not finite numbers either.
            value = double.NaN;
            return NumberSyntax.None;
        }

        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var significant = 0;
        var start = i;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            mantissa = unchecked((mantissa * 10) + (uint)(s[i] - '0'));
            if (mantissa != 0)
            {
                significant++;
            }

            i++;
        }

        digits = i - start;
        if (i == s.Length && digits > 0)
        {
            if (digits <= 18)
            {
                var l = (long)mantissa;
                value = negative ? -(double)l : l;
                if (negative && l == 0)
                {
                    value = 0; // long "-0" is 0, not -0.0
                }

                return NumberSyntax.Integer;
            }

            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                value = big;
                return NumberSyntax.Integer;
            }

            return Fallback(s, out value);
        }

        if (i < s.Length && s[i] == (byte)'.' && significant <= 15)
        {
            i++;
            var fracStart = i;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                mantissa = unchecked((mantissa * 10) + (uint)(s[i] - '0'));
                if (mantissa != 0)
                {
                    significant++;
                }

                i++;
            }

            var frac = i - fracStart;
            if (i == s.Length && digits + frac > 0 && significant <= 15 && frac <= 22)
            {
                var v = mantissa / _pow10[frac];
                value = negative ? -v : v;
                return NumberSyntax.Real;
            }
        }

        return Fallback(s, out value);
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
