using System.Diagnostics;

namespace SmartPulse.Benchmarks.Server;

/// <summary>Samples this process's working set and managed heap every 200 ms.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _max;
    private long _phaseMax;
    private long _maxManaged;

    public MemorySampler() => _timer = new Timer(_ => Sample(), null, 0, 200);

    public double MaxMb => _max / 1048576.0;

    public double PhaseMaxMb => Math.Max(_phaseMax, Current()) / 1048576.0;

    public double MaxManagedMb => _maxManaged / 1048576.0;

    public double CurrentMb => Current() / 1048576.0;

    public void ResetPhase() => Interlocked.Exchange(ref _phaseMax, 0);

    public void Dispose() => _timer.Dispose();

    private static long Current()
    {
        using var p = Process.GetCurrentProcess();
        return p.WorkingSet64;
    }

    private void Sample()
    {
        var ws = Current();
        var managed = GC.GetTotalMemory(false);
        InterlockedMax(ref _max, ws);
        InterlockedMax(ref _phaseMax, ws);
        InterlockedMax(ref _maxManaged, managed);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
