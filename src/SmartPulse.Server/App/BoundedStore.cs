namespace SmartPulse.Server.App;

/// <summary>A thread-safe map with a capacity: adding beyond it drops the least recently used entry the caller allows to go.</summary>
/// <typeparam name="T">The stored value.</typeparam>
internal sealed class BoundedStore<T>(int capacity, Func<T, bool>? canEvict = null)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (T Value, long Used)> _items = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Stores <paramref name="value"/> under <paramref name="id"/>, evicting the least recently used entries over capacity.</summary>
    /// <returns>The evicted values (for clean-up).</returns>
    public IReadOnlyList<T> Add(string id, T value)
    {
        lock (_gate)
        {
            _items[id] = (value, ++_clock);
            var evicted = new List<T>();
            foreach (var (key, entry) in _items.OrderBy(p => p.Value.Used).ToList())
            {
                if (_items.Count <= capacity)
                {
                    break;
                }

                if (key != id && (canEvict is null || canEvict(entry.Value)))
                {
                    _items.Remove(key);
                    evicted.Add(entry.Value);
                }
            }

            return evicted;
        }
    }

    /// <summary>The value under <paramref name="id"/> (marked as used), or null.</summary>
    public T? Get(string id)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var entry))
            {
                return null;
            }

            _items[id] = (entry.Value, ++_clock);
            return entry.Value;
        }
    }

    /// <summary>Every stored value.</summary>
    public IReadOnlyList<T> Values()
    {
        lock (_gate)
        {
            return _items.Values.Select(v => v.Value).ToList();
        }
    }
}
