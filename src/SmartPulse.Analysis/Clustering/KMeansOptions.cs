namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Options of <see cref="KMeans"/>. Defaults follow scikit-learn's classic KMeans
/// (<c>n_init=10, max_iter=300, tol=1e-4, init="k-means++"</c>). Validated by <see cref="Validate"/>
/// (called by the <see cref="KMeans"/> constructor); errors name the option, its value and the valid range.
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Default for <see cref="AutoAcceleratedFromRows"/>.</summary>
    public const int DefaultAutoAcceleratedFromRows = 1_000;

    /// <summary>Number of clusters k; 1 ≤ k ≤ rows (checked again at fit time). Default 8 (scikit-learn's).</summary>
    public int K { get; init; } = 8;

    /// <summary>
    /// Independent k-means++ starts; the one with the lowest inertia is kept (ties: the earliest restart).
    /// Default 10. More restarts make a poor local optimum less likely; 1 reproduces a single run.
    /// Range 1..1000.
    /// </summary>
    public int Restarts { get; init; } = 10;

    /// <summary>Maximum Lloyd iterations per restart; default 300. Range 1..100,000.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// Convergence tolerance of the accelerated engine, relative to the data: a restart stops when the summed squared
    /// centroid shift is ≤ <c>Tolerance × mean(column variances)</c> (scikit-learn's <c>tol</c>), or when no label
    /// changes. Default 1e-4; 0 means "until no label changes or <see cref="MaxIterations"/>". ML.NET uses its own
    /// criterion; its result is always refined until no label changes. Range 0..1.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of all randomness; restart r uses a seed derived from (Seed, r). Same data and seed → same model, bit for bit.</summary>
    public int Seed { get; init; }

    /// <summary>Which implementation to use; default <see cref="KMeansEngine.Auto"/>.</summary>
    public KMeansEngine Engine { get; init; } = KMeansEngine.Auto;

    /// <summary>
    /// With <see cref="KMeansEngine.Auto"/>, data with at least this many rows go to the accelerated engine, smaller data
    /// to ML.NET. Default 1,000. Why (benchmark <c>kmeans-sizes</c>, k = 8, 10 restarts, 8 uniform features, medians on
    /// the 2 shared cores under load 6–10): 200 rows ML.NET 21–27 ms vs scikit-learn 13–160 ms (noisy) — interactive
    /// either way; 1,000 rows ML.NET 41 ms vs scikit-learn 23 ms vs accelerated 11 ms; 2,000 rows 77–146 vs 42–44 vs
    /// 22 ms; 20,000 rows 2.3 s vs 0.56 s vs 0.38 s; 1,000,000 rows (1 start, 30 iterations) 3.2 s vs 2.0 s vs 0.85 s.
    /// ML.NET stops meeting the "no slower than scikit-learn" bar at about 1,000 rows. Range ≥ 1.
    /// </summary>
    public int AutoAcceleratedFromRows { get; init; } = DefaultAutoAcceleratedFromRows;

    /// <summary>
    /// Restarts run at once with the ML.NET engine; null (default) = all cores, 1 = one after the other. The model is
    /// identical either way (each restart is seeded on its own and the winner is chosen in restart order).
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Check(K >= 1, nameof(K), K, "at least 1 (and at most the number of rows)");
        Check(Restarts is >= 1 and <= 1000, nameof(Restarts), Restarts, "1 to 1000");
        Check(MaxIterations is >= 1 and <= 100_000, nameof(MaxIterations), MaxIterations, "1 to 100,000");
        Check(double.IsFinite(Tolerance) && Tolerance is >= 0 and <= 1, nameof(Tolerance), Tolerance, "0 to 1");
        Check(Enum.IsDefined(Engine), nameof(Engine), Engine, string.Join(", ", Enum.GetNames<KMeansEngine>()));
        Check(MaxDegreeOfParallelism is null or >= 1, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null", "null or at least 1");
        Check(AutoAcceleratedFromRows >= 1, nameof(AutoAcceleratedFromRows), AutoAcceleratedFromRows, "at least 1");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"KMeansOptions.{name} is {value}; valid: {range}.");
        }
    }
}
