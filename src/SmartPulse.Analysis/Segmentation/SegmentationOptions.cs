using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// One-call segmentation of a customer table: which numeric features, how to scale them, which
/// algorithm and k. Missing feature values are imputed with the training median (reported).
/// </summary>
public sealed record SegmentationOptions
{
    /// <summary>The numeric feature columns (at least one).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The number of segments; null = choose automatically with a k sweep (the recommended k).</summary>
    public int? K { get; init; }

    /// <summary>The algorithm (default KMeans).</summary>
    public SegmentationAlgorithm Algorithm { get; init; } = SegmentationAlgorithm.KMeans;

    /// <summary>The scaling applied before clustering; null = none (raw units).</summary>
    public ScalingKind? Scale { get; init; } = ScalingKind.Standard;

    /// <summary>KMeans restarts (default 10).</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; }

    /// <summary>Smallest k tried when <see cref="K"/> is null.</summary>
    public int MinK { get; init; } = 2;

    /// <summary>Largest k tried when <see cref="K"/> is null.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>DBSCAN neighbourhood radius in model (scaled) units.</summary>
    public double Eps { get; init; } = 0.5;

    /// <summary>DBSCAN minimum neighbours (including the point) of a core point.</summary>
    public int MinPoints { get; init; } = 5;

    /// <summary>
    /// Run the k sweep (MinK..MaxK, KMeans in model space) even when <see cref="K"/> is given, for elbow and silhouette
    /// charts; the fitted segmentation is the same as without it. Ignored for DBSCAN.
    /// </summary>
    public bool Sweep { get; init; }

    /// <summary>The rules that name the segments; null = the generic defaults of <see cref="Insights.NamingOptions"/>.</summary>
    public Insights.NamingOptions? Naming { get; init; }

    /// <summary>Training epochs of the autoencoder (<see cref="SegmentationAlgorithm.AutoencoderKMeans"/> only; default 100).</summary>
    public int Epochs { get; init; } = 100;
}
