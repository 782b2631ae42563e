using System.Globalization;

namespace SmartPulse.Analysis.Insights;

/// <summary>Invariant number formatting for narratives.</summary>
internal static class InsightText
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>A value with its unit: "$52,247", "55.3 k$", "39.8 years", "0.31".</summary>
    public static string Value(double v, string? unit)
    {
        if (double.IsNaN(v))
        {
            return "n/a";
        }

        if (unit == "$")
        {
            return (v < 0 ? "-$" : "$") + Math.Abs(v).ToString("#,0", _c);
        }

        var text = Number(v);
        return string.IsNullOrEmpty(unit) || unit == "1-100" || unit == "0/1" ? text : text + " " + unit;
    }

    /// <summary>A plain number with sensible precision: 1 decimal above 10, 2 below.</summary>
    public static string Number(double v) =>
        double.IsNaN(v) ? "n/a" : Math.Abs(v) >= 1000 ? v.ToString("#,0", _c) : Math.Abs(v) >= 10 ? v.ToString("0.0", _c) : v.ToString("0.##", _c);

    /// <summary>A signed number of standard deviations: "+1.24 SD".</summary>
    public static string Sd(double z) => z.ToString("+0.00;-0.00;0.00", _c) + " SD";

    /// <summary>A signed effect size: "d = +1.52".</summary>
    public static string D(double d) => double.IsInfinity(d) ? (d > 0 ? "d = +∞" : "d = −∞") : "d = " + d.ToString("+0.00;-0.00;0.00", _c);

    /// <summary>A share as a percentage: "19.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", _c) + "%";

    /// <summary>An integer count with thousands separators.</summary>
    public static string Count(long n) => n.ToString("#,0", _c);

    /// <summary>A threshold in SDs: "+0.5".</summary>
    public static string Threshold(double t) => t.ToString("+0.##;-0.##;0", _c);
}
