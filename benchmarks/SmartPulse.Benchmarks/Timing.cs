using System.Diagnostics;

namespace SmartPulse.Benchmarks;

/// <summary>Runs a workload repeatedly and reports the median wall-clock time.</summary>
public static class Timing
{
    /// <summary>Runs <paramref name="work"/> once to warm up, then <paramref name="runs"/> times; returns the median seconds.</summary>
    public static double Median(int runs, Action work, bool warmUp = true)
    {
        if (warmUp)
        {
            work();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            times[i] = sw.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
    }
}
