using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Analysis.Evaluation;

/// <summary>Options of <see cref="KSweep"/>. Validated by <see cref="Validate"/>; errors name the option, value and range.</summary>
public sealed record KSweepOptions
{
    /// <summary>Smallest k; default 2 (range 2..1000).</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k; default 10 (≥ MinK; clamped to rows − 1 with a warning).</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>KMeans settings for every k (its <see cref="KMeansOptions.K"/> is ignored). Default: KMeans defaults (10 restarts, seed 0).</summary>
    public KMeansOptions KMeans { get; init; } = new();

    /// <summary>Optional reproducibility check per k; default <see cref="StabilityMethod.None"/>.</summary>
    public StabilityMethod Stability { get; init; } = StabilityMethod.None;

    /// <summary>Refits per k for the stability check; default 5 (range 2..100).</summary>
    public int StabilityRuns { get; init; } = 5;

    /// <summary>Largest row count for the exact silhouette (sampled above it, seeded by <c>KMeans.Seed</c>); default 30,000.</summary>
    public int ExactSilhouetteLimit { get; init; } = ClusterScores.DefaultExactSilhouetteLimit;

    /// <summary>
    /// How far (in silhouette units) the elbow's silhouette may trail the best silhouette and still be recommended as the
    /// simpler choice; default 0.05 (range 0..1).
    /// </summary>
    public double SilhouetteTolerance { get; init; } = 0.05;

    /// <summary>Mean ARI below which a k counts as unstable; default 0.8 (range 0..1).</summary>
    public double StableAri { get; init; } = 0.8;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(KMeans, nameof(KMeans));
        Check(MinK is >= 2 and <= 1000, nameof(MinK), MinK, "2 to 1000");
        Check(MaxK >= MinK && MaxK <= 1000, nameof(MaxK), MaxK, $"MinK ({MinK}) to 1000");
        Check(StabilityRuns is >= 2 and <= 100, nameof(StabilityRuns), StabilityRuns, "2 to 100");
        Check(Enum.IsDefined(Stability), nameof(Stability), Stability, string.Join(", ", Enum.GetNames<StabilityMethod>()));
        Check(ExactSilhouetteLimit >= 3, nameof(ExactSilhouetteLimit), ExactSilhouetteLimit, "at least 3");
        Check(SilhouetteTolerance is >= 0 and <= 1, nameof(SilhouetteTolerance), SilhouetteTolerance, "0 to 1");
        Check(StableAri is >= 0 and <= 1, nameof(StableAri), StableAri, "0 to 1");
        (KMeans with { K = MinK }).Validate();
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"KSweepOptions.{name} is {value}; valid: {range}.");
        }
    }
}
