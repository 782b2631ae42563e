namespace SmartPulse.Analysis.Clustering;

/// <summary>Which implementation runs the k-means restarts. All give a Lloyd fixed point; see <see cref="KMeansOptions.Engine"/>.</summary>
public enum KMeansEngine
{
    /// <summary>
    /// ML.NET below <see cref="KMeansOptions.AutoAcceleratedFromRows"/> rows, <see cref="Accelerated"/> from there on. The
    /// default threshold (1) sends every size to the accelerated engine: measured, ML.NET's trainer is 2–3× slower than
    /// scikit-learn at every size from 200 to 1,000,000 rows (see <see cref="KMeansOptions.AutoAcceleratedFromRows"/>).
    /// Why, on 1,000,000 × 8 (1 start, 30 iterations, quiet machine): ML.NET takes 3.1 s with one thread and 2.9 s with
    /// all threads (its own multi-threading barely helps), of which 1.15 s is its k-means++ initialisation alone (one
    /// iteration) against 0.15 s for the accelerated engine's copy + greedy k-means++ + first pass; its IDataView setup is
    /// negligible (&lt; 0.01 s): the time goes into float, one-row-at-a-time passes through the data cursor
    /// (≈ 65 ms per iteration against ≈ 11 ms for the SIMD column-major kernel on both cores), and it has to stay on one
    /// thread per restart to be deterministic.
    /// </summary>
    Auto,

    /// <summary>
    /// ML.NET's <c>KMeansTrainer</c> (k-means++ initialisation, Yinyang-accelerated Lloyd in float), one thread per
    /// restart, restarts in parallel; the winner is then refined by double-precision Lloyd passes until no label changes.
    /// ML.NET's k-means++ draws one candidate per centre (scikit-learn's greedy variant draws 2 + ln k and keeps the best),
    /// so a single ML.NET start is weaker; with the default 10 restarts both reach the same optima on Mall Customers for
    /// k = 3..5, but at k = 2 two of six seeds stopped 0.6–0.9 % above the optimum (measured; scikit-learn: none).
    /// </summary>
    MLNet,

    /// <summary>
    /// SmartPulse's own exact path: scikit-learn's greedy k-means++ and Lloyd iterations in double precision, SIMD over
    /// rows (column-major copy) and both cores over fixed row chunks; restarts run one after the other.
    /// </summary>
    Accelerated,
}
