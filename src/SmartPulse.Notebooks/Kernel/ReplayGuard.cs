namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Remembers the signatures of recently accepted messages so a captured message sent again (a
/// replay) is rejected, as ipykernel's digest history does. The set is bounded: when it holds
/// <see cref="Capacity"/> signatures the oldest are forgotten first, so memory stays constant
/// however long the kernel runs.
/// </summary>
public sealed class ReplayGuard
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    /// <summary>Creates a guard.</summary>
    /// <param name="capacity">How many recent signatures are remembered (default 65,536, ipykernel's bound).</param>
    public ReplayGuard(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many signatures are remembered at most.</summary>
    public int Capacity { get; }

    /// <summary>Records <paramref name="signature"/>.</summary>
    /// <param name="signature">A verified message signature (empty signatures, of unsigned sessions, are never recorded).</param>
    /// <returns>False when it was seen recently: the message is a replay and must be dropped.</returns>
    public bool TryAccept(string signature)
    {
        if (signature.Length == 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_seen.Add(signature))
            {
                return false;
            }

            _order.Enqueue(signature);
            while (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
