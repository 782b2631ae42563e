namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Reads a mean silhouette in words, with Kaufman &amp; Rousseeuw's (1990) bands: &gt; 0.70 strong structure,
/// &gt; 0.50 reasonable structure, &gt; 0.25 weak structure (could be artificial), otherwise no substantial structure.
/// The silhouette lies in [−1, 1]; higher is better.
/// </summary>
public static class SilhouetteReading
{
    /// <summary>The band of <paramref name="silhouette"/>: "strong", "reasonable", "weak" or "no substantial".</summary>
    /// <param name="silhouette">Mean silhouette in [−1, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or outside [−1, 1].</exception>
    public static string Band(double silhouette)
    {
        if (double.IsNaN(silhouette) || silhouette < -1 || silhouette > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(silhouette), silhouette, $"silhouette is {silhouette}; a mean silhouette lies in [−1, 1].");
        }

        return silhouette > 0.70 ? "strong" : silhouette > 0.50 ? "reasonable" : silhouette > 0.25 ? "weak" : "no substantial";
    }

    /// <summary>A sentence fragment such as "0.55, a reasonable structure: the segments are well separated".</summary>
    /// <param name="silhouette">Mean silhouette in [−1, 1].</param>
    public static string Describe(double silhouette)
    {
        var band = Band(silhouette);
        var what = band switch
        {
            "strong" => "a strong structure: the segments are clearly separated",
            "reasonable" => "a reasonable structure: the segments are well separated, with some customers near the borders",
            "weak" => "a weak structure: the segments overlap, so treat the boundaries as soft",
            _ => "no substantial structure: the segments overlap heavily and may be artificial",
        };
        return silhouette.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + ", " + what;
    }
}
