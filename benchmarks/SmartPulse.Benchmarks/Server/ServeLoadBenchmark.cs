using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Server;

namespace SmartPulse.Benchmarks.Server;

/// <summary>
/// Reliability of <c>smartpulse serve</c> under load, on loopback only, bounded in time and stopping by itself:
/// single-row and 1,000-row scoring at 1, 8 and 64 concurrent clients (throughput, p50/p99), with malformed requests mixed
/// in by a separate client, every answer checked against the labels the fit gave; then 4 app users segmenting the
/// SmartCart file at once; working set sampled throughout. Client and server share this process (2 cores here).
/// Usage: <c>serve-load [--seconds 30] [--clients 1,8,64] [--app-users 4]</c>.
/// </summary>
public sealed class ServeLoadBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "serve-load";

    /// <inheritdoc />
    public string Description => "smartpulse serve: scoring latency/throughput at 1/8/64 clients, malformed requests mixed in, 4 app users on SmartCart, memory";

    /// <inheritdoc />
    public void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var seconds = Arg(args, "--seconds", 30);
        var clients = (ArgText(args, "--clients") ?? "1,8,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var appUsers = Arg(args, "--app-users", 4);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "smartpulse-serve-load-" + Environment.ProcessId)).FullName;
        try
        {
            var mall = CsvLoader.Load(Datasets.Mall.Path);
            var run = Segmenter.Fit(mall, new SegmentationOptions { Features = ["Annual Income (k$)", "Spending Score (1-100)"], K = 5, Scale = null, Seed = 0 });
            var modelPath = Path.Combine(folder, "mall.zip");
            run.Model.Save(modelPath);
            var options = new ServerOptions { Host = "127.0.0.1", Port = 0, Models = [modelPath], RateLimitPerMinute = 0, MaxApiBodyBytes = 1024 * 1024, TempDirectory = folder };
            await using var server = await SmartPulseServer.StartAsync(options);
            Console.WriteLine($"server {server.Address} (loopback), model 'mall' (KMeans k = 5 on Mall income + score), {seconds} s per phase");
            using var memory = new MemorySampler();
            var workload = new ScoringWorkload(server.Address, mall, run.Result.Labels);
            Console.WriteLine($"{"rows/request",-13}{"clients",8}{"requests",10}{"req/s",9}{"rows/s",10}{"p50 ms",9}{"p99 ms",9}{"max ms",9}{"wrong",7}{"lost",6}{"malformed ok/sent",19}{"max WS MB",11}");
            var allOk = true;
            foreach (var rows in new[] { 1, 1000 })
            {
                foreach (var c in clients)
                {
                    memory.ResetPhase();
                    var r = await workload.RunPhaseAsync(rows, c, TimeSpan.FromSeconds(seconds));
                    allOk &= r.Wrong == 0 && r.Lost == 0 && r.MalformedOk == r.MalformedSent;
                    Console.WriteLine($"{rows,-13}{c,8}{r.Requests,10}{r.Requests / r.Seconds,9:0}{r.Requests * rows / r.Seconds,10:0}{r.P50,9:0.00}{r.P99,9:0.00}{r.Max,9:0.0}{r.Wrong,7}{r.Lost,6}{r.MalformedOk + "/" + r.MalformedSent,19}{memory.PhaseMaxMb,11:0}");
                }
            }

            foreach (var f in workload.MalformedFailures.GroupBy(f => f).Select(g => $"{g.Count()} × {g.Key}"))
            {
                Console.WriteLine("malformed request not refused as expected: " + f);
            }

            memory.ResetPhase();
            var app = await AppUsers.RunAsync(server.Address, appUsers, TimeSpan.FromSeconds(Math.Max(120, seconds * 4)));
            allOk &= app.Failures.Count == 0;
            Console.WriteLine($"app: {appUsers} users segmenting marketing_campaign.csv (upload → k sweep → KMeans → results → CSV) at once: " +
                $"median {app.Median:0.0} s, slowest {app.Max:0.0} s per user, wall {app.Wall:0.0} s; all answers checked: {(app.Failures.Count == 0 ? "yes" : string.Join("; ", app.Failures))}; max WS {memory.PhaseMaxMb:0} MB");
            Console.WriteLine($"memory: working set max {memory.MaxMb:0} MB over the run (client + server in one process), managed heap max {memory.MaxManagedMb:0} MB; at end {memory.CurrentMb:0} MB");
            Console.WriteLine(allOk ? "result: every valid answer correct, none lost, every malformed request refused with the right problem" : "result: FAILURES (see the columns above)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Arg(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
