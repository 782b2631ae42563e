using System.ComponentModel;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Cooperative cancellation for interrupted cells. Roslyn scripts cannot be aborted from outside, so
/// the kernel rewrites every loop in a cell (<see cref="LoopCancellationRewriter"/>) to call
/// <see cref="ThrowIfCancellationRequested"/> on each iteration; the check throws
/// <see cref="OperationCanceledException"/> once the token of the cell running on this logical call
/// context (held in an <see cref="AsyncLocal{T}"/>, so it flows into tasks the cell starts) is
/// cancelled. Until the first interrupt of the process the check is one static field read.
/// </summary>
public static class CellCancellation
{
    private static readonly AsyncLocal<StrongBox<CancellationToken>?> _current = new();
    private static int _interrupts;

    /// <summary>Called from rewritten cell code at the top of every loop body; not for direct use.</summary>
    /// <exception cref="OperationCanceledException">The running cell was interrupted.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ThrowIfCancellationRequested()
    {
        if (Volatile.Read(ref _interrupts) != 0)
        {
            CheckSlow();
        }
    }

    /// <summary>Makes <paramref name="token"/> the cancellation token of the code that runs on this logical call context from now on.</summary>
    /// <param name="token">The cell's token.</param>
    internal static void Enter(CancellationToken token)
    {
        _current.Value = new StrongBox<CancellationToken>(token);
        token.Register(() => Interlocked.Increment(ref _interrupts));
    }

    private static void CheckSlow()
    {
        if (_current.Value is { } box)
        {
            box.Value.ThrowIfCancellationRequested();
        }
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value { get; } = value;
    }
}
