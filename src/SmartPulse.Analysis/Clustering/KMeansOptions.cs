namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Options of <see cref="KMeans"/>. Defaults follow scikit-learn's classic KMeans
/// (<c>n_init=10, max_iter=300, tol=1e-4, init="k-means++"</c>). Validated by <see cref="Validate"/>
/// (called by the <see cref="KMeans"/> constructor); errors name the option, its value and the valid range.
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Default for <see cref="AutoAcceleratedFromRows"/>.</summary>
    public const int DefaultAutoAcceleratedFromRows = 1;

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
    /// to ML.NET. Default 1, i.e. every size takes the accelerated engine, because ML.NET did not meet the bar (no slower
    /// than scikit-learn, equal or lower inertia) at any measured size. Benchmark <c>kmeans-sizes</c> (k = 8, 10
    /// restarts, 8 uniform features; medians, 2 shared cores, load ≈ 1.2–1.6) — ML.NET / scikit-learn 1.2 / accelerated:
    /// 200 rows 20.5 / 8.0 / 3.7 ms; 1,000 rows 39.7 / 22.6 / 11.1 ms; 2,000 rows 66.7 / 40.5 / 25.0 ms;
    /// 20,000 rows 1,004 / 485 / 149 ms; <c>kmeans-1m</c> (1,000,000 rows, 1 start, 30 iterations) 2.9 / 0.97 / 0.48 s.
    /// Set it to e.g. 1,000 to send small tables to ML.NET (about 20 ms on Mall Customers), or pick
    /// <see cref="KMeansEngine.MLNet"/> explicitly. Range ≥ 1.
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
