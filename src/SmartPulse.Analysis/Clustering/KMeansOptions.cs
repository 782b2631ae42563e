namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Options of <see cref="KMeans"/>. Defaults follow scikit-learn's classic KMeans
/// (<c>n_init=10, max_iter=300, tol=1e-4, init="k-means++"</c>). Validated by <see cref="Validate"/>
/// (called by the <see cref="KMeans"/> constructor); errors name the option, its value and the valid range.
/// </summary>
public sealed record KMeansOptions
{
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
    /// Convergence tolerance, relative to the data: a restart stops when the summed squared centroid shift is
    /// ≤ <c>Tolerance × mean(column variances)</c> (scikit-learn's <c>tol</c>), or when no label changes. Default 1e-4;
    /// 0 means "until no label changes or <see cref="MaxIterations"/>". Range 0..1.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of all randomness; restart r uses a seed derived from (Seed, r). Same data and seed → same model, bit for bit.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Check(K >= 1, nameof(K), K, "at least 1 (and at most the number of rows)");
        Check(Restarts is >= 1 and <= 1000, nameof(Restarts), Restarts, "1 to 1000");
        Check(MaxIterations is >= 1 and <= 100_000, nameof(MaxIterations), MaxIterations, "1 to 100,000");
        Check(double.IsFinite(Tolerance) && Tolerance is >= 0 and <= 1, nameof(Tolerance), Tolerance, "0 to 1");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"KMeansOptions.{name} is {value}; valid: {range}.");
        }
    }
}
