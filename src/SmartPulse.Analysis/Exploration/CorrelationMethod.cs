namespace SmartPulse.Analysis.Exploration;

/// <summary>Which correlation coefficient to compute.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's linear correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation: Pearson on average ranks (ties share their mean rank).</summary>
    Spearman,
}
