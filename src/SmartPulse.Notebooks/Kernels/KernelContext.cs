using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>What a subkernel needs while a cell runs: where outputs go, the count, limits, the other kernels.</summary>
internal sealed class KernelContext
{
    public KernelContext(CompositeKernel composite, OutputCollector collector, ICellOutputObserver forward, int executionCount, TimeSpan? timeout, string? cellName, CancellationToken cancellationToken)
    {
        Composite = composite;
        Collector = collector;
        Forward = forward;
        ExecutionCount = executionCount;
        Timeout = timeout;
        CellName = cellName;
        CancellationToken = cancellationToken;
    }

    public CompositeKernel Composite { get; }

    public OutputCollector Collector { get; }

    /// <summary>An observer that feeds outputs of a nested executor (the C# session) into <see cref="Collector"/>.</summary>
    public ICellOutputObserver Forward { get; }

    public int ExecutionCount { get; }

    public TimeSpan? Timeout { get; }

    public string? CellName { get; }

    public CancellationToken CancellationToken { get; }

    public void Display(System.Text.Json.Nodes.JsonObject data) => Collector.AddDisplay(data);

    public void Error(CellOutput error) => Collector.Add(error);

    public void Text(string text) => Display(new System.Text.Json.Nodes.JsonObject { ["text/plain"] = text });
}
