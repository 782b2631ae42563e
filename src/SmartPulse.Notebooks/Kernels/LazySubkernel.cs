using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>A subkernel started on first use (F# Interactive and DuckDB cost start-up time a C#-only notebook should not pay).</summary>
internal sealed class LazySubkernel(string name, string description, Func<ISubkernel> start) : ISubkernel
{
    private readonly Lazy<ISubkernel> _inner = new(start);

    public string Name => name;

    public string Description => _inner.IsValueCreated ? _inner.Value.Description : description;

    public IReadOnlyCollection<string> SwitchOptions => _inner.Value.SwitchOptions;

    public IReadOnlyList<string> VariableNames => _inner.IsValueCreated ? _inner.Value.VariableNames : [];

    public ISubkernel Inner => _inner.Value;

    /// <summary>Starts the kernel now (background warm-up); a failure is left for the first cell to report.</summary>
    public void TryStart()
    {
        try
        {
            _ = _inner.Value;
        }
        catch (Exception)
        {
            // The Lazy caches the exception; the first cell that uses this kernel gets it as its error.
        }
    }

    public Task<CellStatus> RunAsync(CellSegment segment, KernelContext context) => _inner.Value.RunAsync(segment, context);

    public bool TryGetVariable(string variable, out object? value)
    {
        value = null;
        return _inner.IsValueCreated && _inner.Value.TryGetVariable(variable, out value);
    }

    public Task SetVariableAsync(string variable, object? value, KernelContext context) => _inner.Value.SetVariableAsync(variable, value, context);

    public JsonObject? Complete(string code, int cursor) => _inner.Value.Complete(code, cursor);

    public JsonObject? Inspect(string code, int cursor, int detailLevel) => _inner.Value.Inspect(code, cursor, detailLevel);

    public void Dispose()
    {
        if (_inner.IsValueCreated)
        {
            _inner.Value.Dispose();
        }
    }
}
