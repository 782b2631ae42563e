using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// A rule that marks impossible or extreme values. Either a fixed condition that touches the rows
/// meeting it (for example <c>Age &gt;= 90</c>, <c>Income &gt;= 600000</c>, <c>Year_Birth &lt; 1900</c>), or
/// an IQR fence learned at fit time (values below Q1 − k·IQR or above Q3 + k·IQR). Missing values
/// are never touched (imputation deals with them).
/// </summary>
public sealed record CleaningRule
{
    private CleaningRule(Condition? when, string? iqrColumn, double iqrK)
    {
        When = when;
        IqrColumn = iqrColumn;
        IqrK = iqrK;
    }

    /// <summary>The fixed condition, if this is a condition rule.</summary>
    public Condition? When { get; }

    /// <summary>The column of an IQR rule.</summary>
    public string? IqrColumn { get; }

    /// <summary>The IQR multiplier k of an IQR rule.</summary>
    public double IqrK { get; }

    /// <summary>Touches rows where <paramref name="column"/> <paramref name="op"/> <paramref name="value"/> holds.</summary>
    public static CleaningRule Where(string column, string op, double value) => new(new Condition(column, op, value), null, 0);

    /// <summary>Touches rows outside the Tukey fences of <paramref name="column"/> learned at fit time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    public static CleaningRule OutsideIqr(string column, double k = 1.5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (!(k > 0) || double.IsInfinity(k))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive (1.5 is Tukey's fence, 3 flags only extreme values).");
        }

        return new CleaningRule(null, column, k);
    }

    /// <summary>The column the rule reads.</summary>
    public string Column => When?.Column ?? IqrColumn!;

    /// <inheritdoc />
    public override string ToString() => When?.ToString() ?? $"{IqrColumn} outside Q1 − {IqrK}·IQR .. Q3 + {IqrK}·IQR";
}
