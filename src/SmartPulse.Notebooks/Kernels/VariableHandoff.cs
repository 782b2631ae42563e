using System.Collections.Concurrent;
using System.ComponentModel;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// Hands a value from the engine to a C# submission that declares a variable for <c>#!set</c> /
/// <c>#!share</c> (the submission is compiled in its own assembly, so the hand-off must be public).
/// Not for use in notebooks.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VariableHandoff
{
    private static readonly ConcurrentDictionary<long, object?> _values = new();
    private static long _next;

    /// <summary>Stores <paramref name="value"/> and returns its ticket.</summary>
    /// <param name="value">The value to hand over.</param>
    /// <returns>The ticket for <see cref="Take"/>.</returns>
    public static long Put(object? value)
    {
        var ticket = Interlocked.Increment(ref _next);
        _values[ticket] = value;
        return ticket;
    }

    /// <summary>Removes and returns the value stored under <paramref name="ticket"/>.</summary>
    /// <param name="ticket">The ticket from <see cref="Put"/>.</param>
    /// <returns>The value.</returns>
    public static object? Take(long ticket) =>
        _values.TryRemove(ticket, out var value) ? value : throw new InvalidOperationException($"No value is waiting under ticket {ticket}.");
}
