namespace SmartPulse.Analysis.Evaluation;

/// <summary>How <see cref="KSweep"/> checks that the clustering at each k is reproducible.</summary>
public enum StabilityMethod
{
    /// <summary>No stability check (fastest).</summary>
    None,

    /// <summary>Refit on the same rows with other seeds; mean ARI against the reference fit. Low values: the optimum is not reliably found.</summary>
    Seeds,

    /// <summary>
    /// Refit on bootstrap resamples of the rows (drawn with replacement, seeded), label all rows with each refit model, mean
    /// ARI against the reference labels. Low values: the clusters depend on which customers happen to be in the data.
    /// </summary>
    Bootstrap,
}
