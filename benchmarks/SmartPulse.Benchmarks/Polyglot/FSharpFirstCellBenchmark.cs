using System.Diagnostics;
using System.Globalization;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Benchmarks.Polyglot;

/// <summary>
/// Time to the first F# cell's result in a fresh kernel: a new process per run (cold JIT, cold FCS), clock
/// started before the composite kernel is created, stopped when <c>#!fsharp</c> cell 1 has its result.
/// The real dotnet-interactive 1.0.712001 takes 8.7 s for the same (issue 13); the target is under 3 s.
/// </summary>
public sealed class FSharpFirstCellBenchmark : IBenchmark
{
    public string Name => "fsharp-first-cell";

    public string Description => "first F# cell in a fresh kernel process (median of 5 processes; target < 3 s)";

    public void Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--child")
        {
            var clock = Stopwatch.StartNew();
            using var kernel = new CompositeKernel();
            var result = kernel.ExecuteAsync("#!fsharp\nlet xs = [ 1 .. 10 ]\nList.sum xs").GetAwaiter().GetResult();
            var seconds = clock.Elapsed.TotalSeconds;
            if (!result.Succeeded || result.Outputs.Single().PlainText() != "55")
            {
                throw new InvalidOperationException("F# cell failed: " + result.ErrorSummary);
            }
            Console.WriteLine(seconds.ToString("R", CultureInfo.InvariantCulture));
            return;
        }

        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var times = new List<double>();
        var self = Environment.ProcessPath!;
        var dll = typeof(FSharpFirstCellBenchmark).Assembly.Location;
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(dll);
            }
            foreach (var a in new[] { Name, "--child" })
            {
                start.ArgumentList.Add(a);
            }
            using var child = Process.Start(start)!;
            var lines = child.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            child.WaitForExit();
            var seconds = double.Parse(lines[^1], CultureInfo.InvariantCulture);
            times.Add(seconds);
            Console.WriteLine($"  run {i + 1}: {seconds:0.00} s");
        }
        times.Sort();
        Console.WriteLine($"first F# cell, fresh kernel: median {times[times.Count / 2]:0.00} s over {runs} processes (dotnet-interactive 1.0.712001: 8.7 s per issue 13; target < 3 s)");
    }
}
