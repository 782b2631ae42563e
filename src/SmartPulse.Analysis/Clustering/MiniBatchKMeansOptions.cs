namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Options of mini-batch k-means, with scikit-learn 1.2's <c>MiniBatchKMeans</c> defaults:
/// <c>batch_size=1024, max_iter=100, max_no_improvement=10, init_size=3·batch_size, n_init=3,
/// reassignment_ratio=0.01</c>.
/// </summary>
public sealed record MiniBatchKMeansOptions
{
    /// <summary>Number of clusters.</summary>
    public int K { get; init; } = 8;

    /// <summary>Rows per mini-batch (scikit-learn <c>batch_size</c>); default 1024.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Passes over the data at most (<c>max_iter</c>): the run takes at most MaxIterations·n/BatchSize steps. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop after this many steps without improvement of the smoothed batch inertia (<c>max_no_improvement</c>); null = never. Default 10.</summary>
    public int? MaxNoImprovement { get; init; } = 10;

    /// <summary>Rows k-means++ initialises on (<c>init_size</c>); null = 3·BatchSize (at least 3·K).</summary>
    public int? InitSize { get; init; }

    /// <summary>Initialisations tried, the best on a validation sample kept (<c>n_init</c>); default 3.</summary>
    public int Restarts { get; init; } = 3;

    /// <summary>Centres with fewer than this fraction of the largest count are re-seeded (<c>reassignment_ratio</c>); default 0.01.</summary>
    public double ReassignmentRatio { get; init; } = 0.01;

    /// <summary>Seed of all randomness.</summary>
    public int Seed { get; init; }
}
