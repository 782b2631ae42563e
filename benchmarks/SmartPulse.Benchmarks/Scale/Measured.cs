using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPulse.Benchmarks.Scale;

/// <summary>One process run under <c>/usr/bin/time -v</c>: wall seconds, peak RSS and its stdout.</summary>
public sealed record Measured(double Seconds, double PeakGb, string Output, int ExitCode)
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> under <c>/usr/bin/time -v</c>.</summary>
    public static Measured Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(program);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var rss = Regex.Match(stderr, @"Maximum resident set size \(kbytes\): (\d+)");
        var wall = Regex.Match(stderr, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)");
        var seconds = wall.Success ? wall.Groups[1].Value.Split(':').Aggregate(0.0, (acc, part) => (acc * 60) + double.Parse(part, CultureInfo.InvariantCulture)) : double.NaN;
        var peak = rss.Success ? long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0 / 1024.0 : double.NaN;
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"   ! {program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? stderr[..Math.Min(400, stderr.Length)]}");
        }

        return new Measured(seconds, peak, stdout.Result, process.ExitCode);
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }
}
