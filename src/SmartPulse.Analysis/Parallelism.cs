namespace SmartPulse.Analysis;

/// <summary>
/// Process-wide cap on the threads the library's parallel loops use (k-means assignment and sums,
/// k-means++ distances). Null (default) = all cores. <c>smartpulse ... --threads N</c> sets it.
/// Results do not depend on it: work is split in fixed chunks merged in order.
/// </summary>
public static class Parallelism
{
    private static int? _maxThreads;

    /// <summary>The cap, or null for all cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public static int? MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxThreads must be at least 1, or null for all cores.");
    }

    /// <summary>Options for <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> honouring the cap.</summary>
    internal static ParallelOptions Options => new() { MaxDegreeOfParallelism = _maxThreads ?? -1 };
}
