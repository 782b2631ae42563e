namespace SmartPulse.Benchmarks;

/// <summary>A named benchmark: runs its workload several times and prints medians.</summary>
public interface IBenchmark
{
    /// <summary>Name used on the command line.</summary>
    string Name { get; }

    /// <summary>One-line description.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark, printing results to stdout.</summary>
    void Run(string[] args);
}
