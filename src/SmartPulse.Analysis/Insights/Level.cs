namespace SmartPulse.Analysis.Insights;

/// <summary>A segment's level of a measure relative to all customers (see <see cref="NamingOptions.Threshold"/>).</summary>
public enum Level
{
    /// <summary>Segment mean at least T standard deviations below the overall mean.</summary>
    Low,

    /// <summary>Within T standard deviations of the overall mean.</summary>
    Average,

    /// <summary>Segment mean at least T standard deviations above the overall mean.</summary>
    High,
}
