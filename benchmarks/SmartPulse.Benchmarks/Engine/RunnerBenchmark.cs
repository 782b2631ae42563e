using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Client;

namespace SmartPulse.Benchmarks.Engine;

/// <summary>
/// <c>smartpulse run</c> as users run it (every notebook in its own kernel process):
/// <list type="bullet">
/// <item>the six walkthroughs with <c>--jobs 1</c> and <c>--jobs 2</c>: wall time of the batch and the summed notebook seconds of its manifest;</item>
/// <item>a notebook of N trivial cells (default 2,000; target under 60 s and 1.5 GB): wall time, peak resident memory of the runner and its kernel together (/proc sampled every 100 ms) and of the largest one alone (getrusage of a fresh child harness);</item>
/// <item>first-cell latency: <c>1 + 1</c> sent right after the kernel answered <c>kernel_info</c>, and after 3 s of idle (a user typing), while Roslyn warms up.</item>
/// </list>
/// Usage: <c>runner [--runs N] [--cells N] [--cli PATH-to-smartpulse.dll] [--only walkthroughs|long|first-cell]</c>;
/// the CLI defaults to <c>src/SmartPulse.Cli/bin/Release/net10.0/smartpulse.dll</c>.
/// </summary>
public sealed class RunnerBenchmark : IBenchmark
{
    /// <inheritdoc/>
    public string Name => "runner";

    /// <inheritdoc/>
    public string Description => "smartpulse run through kernel processes: walkthroughs --jobs 1/2, N trivial cells (time, peak RSS), first-cell latency";

    /// <inheritdoc/>
    public void Run(string[] args)
    {
        var cli = Arg(args, "--cli") ?? Path.Combine(Root(), "src", "SmartPulse.Cli", "bin", "Release", "net10.0", "smartpulse.dll");
        if (Arg(args, "--child-long") is { } childCells)
        {
            long treePeakKb = 0;
            var (seconds, exit) = RunCli(cli, [Arg(args, "--notebook")!, "--out", Arg(args, "--out")!, "--timeout", "0"], pid => treePeakKb = Math.Max(treePeakKb, TreeRssKb(pid)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {seconds} {PeakChildrenRssKb()} {exit} {childCells} {treePeakKb}"));
            return;
        }

        var runs = Arg(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        var cells = Arg(args, "--cells") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 2000;
        var only = Arg(args, "--only");
        Console.WriteLine($"  cli: {cli}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        if (only is null or "first-cell")
        {
            FirstCell(cli, runs);
        }

        if (only is null or "long")
        {
            Long(cli, cells);
        }

        if (only is null or "walkthroughs")
        {
            foreach (var jobs in new[] { 1, 2 })
            {
                var wall = new List<double>();
                var summed = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var output = Path.Combine(Path.GetTempPath(), "smartpulse-bench-walkthroughs", jobs.ToString(CultureInfo.InvariantCulture));
                    var (seconds, exit) = RunCli(cli, [Path.Combine(Root(), "notebooks"), "--out", output, "--jobs", jobs.ToString(CultureInfo.InvariantCulture)]);
                    var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run-manifest.json")))!;
                    wall.Add(seconds);
                    summed.Add(manifest["seconds"]!.GetValue<double>());
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    walkthroughs --jobs {jobs} run {i + 1}: {seconds:0.0} s wall, {summed[^1]:0.0} s summed, exit {exit}"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  six walkthroughs, --jobs {jobs}: median wall {Median(wall):0.0} s, median summed notebook time {Median(summed):0.0} s"));
            }
        }
    }

    private void Long(string cli, int cells)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartpulse-bench-long");
        Directory.CreateDirectory(folder);
        var notebook = Path.Combine(folder, $"trivial-{cells}.ipynb");
        var array = new JsonArray();
        for (var i = 0; i < cells; i++)
        {
            array.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"c{i}",
                ["metadata"] = new JsonObject(),
                ["source"] = $"var v{i} = {i};\nv{i} + 1",
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
            });
        }

        File.WriteAllText(notebook, new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = array }.ToJsonString());

        // A fresh harness process, so its getrusage(RUSAGE_CHILDREN) peak is this run's runner and kernel only.
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(RunnerBenchmark).Assembly.Location);
        }

        foreach (var a in new[] { Name, "--child-long", cells.ToString(CultureInfo.InvariantCulture), "--notebook", notebook, "--out", Path.Combine(folder, "out"), "--cli", cli })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').First(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cells} trivial cells: {double.Parse(line[1], CultureInfo.InvariantCulture):0.0} s wall, peak RSS of runner + kernel together {long.Parse(line[5], CultureInfo.InvariantCulture) / 1024.0:0} MB (sampled every 100 ms), largest single process {long.Parse(line[2], CultureInfo.InvariantCulture) / 1024.0:0} MB (getrusage), exit {line[3]}"));
    }

    private static void FirstCell(string cli, int runs)
    {
        var launch = KernelLaunch.SmartPulse(["dotnet", cli, "kernel", KernelLaunch.ConnectionFilePlaceholder]);
        foreach (var idle in new[] { 0, 3 })
        {
            var latencies = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                using var session = KernelSession.StartAsync(launch, Path.GetTempPath(), TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
                Thread.Sleep(TimeSpan.FromSeconds(idle));
                var sw = Stopwatch.StartNew();
                var result = session.ExecuteAsync("1 + 1", "c1", "cell 1", null).GetAwaiter().GetResult();
                latencies.Add(sw.Elapsed.TotalSeconds);
                if (!result.Succeeded)
                {
                    Console.WriteLine($"    first cell failed: {result.Error}");
                }

                session.ShutdownAsync().GetAwaiter().GetResult();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first cell 1 + 1, sent {idle} s after kernel_info: median {Median(latencies) * 1000:0} ms (runs: {string.Join(", ", latencies.Select(l => (l * 1000).ToString("0", CultureInfo.InvariantCulture)))} ms)"));
        }
    }

    private static (double Seconds, int Exit) RunCli(string cli, IEnumerable<string> arguments, Action<int>? sample = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("run");
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        while (!process.WaitForExit(100))
        {
            sample?.Invoke(process.Id);
        }

        process.WaitForExit();
        return (sw.Elapsed.TotalSeconds, process.ExitCode);
    }

    /// <summary>Resident memory of <paramref name="root"/> and all its descendants (Linux /proc), in KB.</summary>
    private static long TreeRssKb(int root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The process ended meanwhile.
                }
            }
        }

        long total = 0;
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            try
            {
                var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                total += rss is null ? 0 : long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }

            foreach (var (child, parent) in parents)
            {
                if (parent == pid)
                {
                    queue.Enqueue(child);
                }
            }
        }

        return total;
    }

    private static long PeakChildrenRssKb() => OperatingSystem.IsLinux() && GetRusage(-1, out var usage) == 0 ? usage.MaxRss : -1;

    [DllImport("libc", EntryPoint = "getrusage")]
#pragma warning disable SYSLIB1054 // a one-line P/Invoke
    private static extern int GetRusage(int who, out RUsage usage);
#pragma warning restore SYSLIB1054

    internal static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

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
}
