namespace SmartPulse.Benchmarks;

/// <summary>The list of benchmarks; add one line per benchmark class.</summary>
public static class Registry
{
    private static readonly IBenchmark[] _all =
    [
        new Clustering.SilhouetteBenchmark(),
        new Clustering.KMeansLargeBenchmark(),
        new Clustering.KMeansSizesBenchmark(),
        new Clustering.WardDbscanBenchmark(),
        new Autoencoder.AutoencoderBenchmark(),
        new Engine.EngineBenchmark(),
        new Scale.ScaleBenchmark(),
        new Server.ServeLoadBenchmark(),
        new Polyglot.FSharpFirstCellBenchmark(),
        new Polyglot.SqlGroupByBenchmark(),
        new Polyglot.ShareRoundTripBenchmark(),
        new Engine.RunnerBenchmark(),
        new Engine.ScriptChainBenchmark(),
    ];

    /// <summary>Runs the benchmark named in <paramref name="args"/>[0], or lists them.</summary>
    public static int Run(string[] args)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            foreach (var b in _all)
            {
                Console.WriteLine($"  {b.Name,-24} {b.Description}");
            }

            return 0;
        }

        var selected = _all.Where(b => args[0] == "all" || b.Name == args[0]).ToList();
        if (selected.Count == 0)
        {
            Console.Error.WriteLine($"unknown benchmark '{args[0]}'; known: {string.Join(", ", _all.Select(b => b.Name))}");
            return 2;
        }

        foreach (var b in selected)
        {
            Console.WriteLine($"== {b.Name}: {b.Description}");
            b.Run(args[1..]);
        }

        return 0;
    }
}
