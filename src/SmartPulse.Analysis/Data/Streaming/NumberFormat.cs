namespace SmartPulse.Analysis.Data;

/// <summary>
/// How numbers are written in a file: the decimal separator (default '.') and an optional thousands
/// separator (default none). <c>--decimal ,</c> and <c>--thousands ,</c> on the command line.
/// </summary>
/// <param name="Decimal">The decimal separator: '.' or ','.</param>
/// <param name="Thousands">The thousands separator to ignore (',', '.', ' ', '\''), or null.</param>
public sealed record NumberFormat(char Decimal = '.', char? Thousands = null)
{
    /// <summary>The invariant culture: '.' decimal point, no thousands separator.</summary>
    public static NumberFormat Invariant { get; } = new();

    /// <summary>True for the invariant format.</summary>
    public bool IsDefault => Decimal == '.' && Thousands is null;

    /// <summary>Throws <see cref="ArgumentException"/> when the separators are unusable.</summary>
    public void Validate()
    {
        if (Decimal is not ('.' or ','))
        {
            throw new ArgumentException($"The decimal separator must be '.' or ','; got '{Decimal}'.", nameof(Decimal));
        }

        if (Thousands is { } t && (t == Decimal || t is not (',' or '.' or ' ' or '\'' or '_')))
        {
            throw new ArgumentException($"The thousands separator must be one of , . space ' _ and differ from the decimal separator '{Decimal}'; got '{t}'.", nameof(Thousands));
        }
    }
}
