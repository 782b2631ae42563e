using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Benchmarks.Engine;

/// <summary>
/// Notebook engine costs. Cold numbers come from fresh child processes (this harness re-run with
/// <c>--child</c>), so JIT and assembly loading are included as a user sees them:
/// <list type="bullet">
/// <item>start-up: constructing a <see cref="ScriptSession"/> (framework references, console routing);</item>
/// <item>first cell: compile + run of <c>1 + 1</c> in a new session (Roslyn's JIT dominates);</item>
/// <item>per-cell overhead: median of trivial cells after the first, cold process and warm (200 cells in one session);</item>
/// <item>end to end: <c>smartpulse run</c> of a ten-trivial-cell notebook, process start to exit (target &lt; 3 s).</item>
/// </list>
/// Usage: <c>engine [--runs N] [--cli PATH-to-smartpulse]</c>; the CLI defaults to
/// <c>src/SmartPulse.Cli/bin/Release/net10.0/smartpulse</c> under the repository root.
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "engine";

    /// <inheritdoc/>
    public string Description => "notebook engine: start-up, first-cell compile, per-cell overhead, 10-cell notebook end to end";

    /// <inheritdoc/>
    public void Run(string[] args)
    {
        if (args.Contains("--child"))
        {
            Child().GetAwaiter().GetResult();
            return;
        }

        var runs = ArgValue(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var startup = new List<double>();
        var first = new List<double>();
        var perCell = new List<double>();
        var childCpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var cpuBefore = ChildrenCpuSeconds();
            var values = RunChild();
            childCpu.Add(ChildrenCpuSeconds() - cpuBefore);
            startup.Add(values[0]);
            first.Add(values[1]);
            perCell.Add(values[2]);
        }

        Console.WriteLine($"runs: {runs} fresh processes each");
        Console.WriteLine($"  engine start-up (new ScriptSession)      median {Median(startup) * 1000,8:0.0} ms");
        Console.WriteLine($"  first cell (compile + run '1 + 1')       median {Median(first) * 1000,8:0.0} ms");
        Console.WriteLine($"  per-cell overhead, cells 2..10 (cold)    median {Median(perCell) * 1000,8:0.0} ms");
        Console.WriteLine($"  CPU time of such a process (10 cells)    median {Median(childCpu) * 1000,8:0.0} ms");

        using (var session = new ScriptSession())
        {
            session.ExecuteAsync("1 + 1").GetAwaiter().GetResult();
            var warm = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var sw = Stopwatch.StartNew();
                session.ExecuteAsync($"var w{i} = {i};\nw{i} * 2").GetAwaiter().GetResult();
                warm.Add(sw.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"  per-cell overhead, warm (200 cells)      median {Median(warm) * 1000,8:0.0} ms");
        }

        var cli = ArgValue(args, "--cli") ?? FindCli();
        if (cli is null || !File.Exists(cli))
        {
            Console.WriteLine("  end to end: smartpulse not found; build it with 'dotnet build src/SmartPulse.Cli -c Release' or pass --cli PATH");
            return;
        }

        var dir = Path.Combine(Path.GetTempPath(), "smartpulse-engine-bench");
        Directory.CreateDirectory(dir);
        var notebook = new Notebook();
        for (var i = 0; i < 10; i++)
        {
            notebook.Cells.Add(new NotebookCell(CellType.Code, $"var v{i} = {i};\nv{i} * 2"));
        }

        var path = Path.Combine(dir, "ten-cells.ipynb");
        NotebookFile.Save(notebook, path);
        var endToEnd = new List<double>();
        var endToEndCpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var cpuBefore = ChildrenCpuSeconds();
            var info = new ProcessStartInfo(cli) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "run", path, "--out", Path.Combine(dir, "out") })
            {
                info.ArgumentList.Add(a);
            }

            var sw = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            endToEnd.Add(sw.Elapsed.TotalSeconds);
            endToEndCpu.Add(ChildrenCpuSeconds() - cpuBefore);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  end to end: smartpulse exited {process.ExitCode}");
                return;
            }
        }

        Console.WriteLine($"  smartpulse run, 10 trivial cells, process start to exit  median {Median(endToEnd),6:0.00} s  (min {endToEnd.Min():0.00}, max {endToEnd.Max():0.00}; target < 3 s)  [{cli}]");
        Console.WriteLine($"  ... CPU time of that process (user + sys)               median {Median(endToEndCpu),6:0.00} s  (wall time above includes waiting for cores under load; load average now {LoadAverage()})");
    }

    private static async Task Child()
    {
        var sw = Stopwatch.StartNew();
        using var session = new ScriptSession();
        var startup = sw.Elapsed.TotalSeconds;
        sw.Restart();
        await session.ExecuteAsync("1 + 1");
        var first = sw.Elapsed.TotalSeconds;
        var rest = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            sw.Restart();
            await session.ExecuteAsync($"var v{i} = {i};\nv{i} * 2");
            rest.Add(sw.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {startup} {first} {Median(rest)}"));
    }

    private double[] RunChild()
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(EngineBenchmark).Assembly.Location);
        }

        info.ArgumentList.Add(Name);
        info.ArgumentList.Add("--child");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').First(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        return [.. line.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }

    /// <summary>User + system CPU seconds of all waited-for child processes so far (getrusage RUSAGE_CHILDREN).</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(-1, out var usage) != 0)
        {
            return double.NaN;
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }

    private static string? ArgValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
            {
                return Path.Combine(dir.FullName, "src", "SmartPulse.Cli", "bin", "Release", "net10.0", "smartpulse");
            }
        }

        return null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
