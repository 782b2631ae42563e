using System.Runtime.InteropServices;

namespace SmartPulse.Benchmarks.Autoencoder;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): for single-threaded work it
/// measures the work itself, far less disturbed than wall time when other processes share the cores.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Seconds of CPU used by this thread, or NaN where unavailable (not Linux).</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds * 1e-9) : double.NaN;
    }

    /// <summary>Median over <paramref name="runs"/> runs (after one warm-up) of the wall and thread-CPU seconds of <paramref name="work"/>.</summary>
    public static (double Wall, double Cpu) Median(int runs, Action work, bool warmUp = true)
    {
        if (warmUp)
        {
            work();
        }

        var wall = new double[runs];
        var cpu = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var c0 = Seconds();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            work();
            wall[i] = sw.Elapsed.TotalSeconds;
            cpu[i] = Seconds() - c0;
        }

        return (MedianOf(wall), MedianOf(cpu));
    }

    private static double MedianOf(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
