using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Client;

/// <summary>The outcome of one <c>execute_request</c> sent by <see cref="KernelSession"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="ExecutionCount">The kernel's execution count for the cell; null when the kernel never replied.</param>
/// <param name="Outputs">The outputs, as nbclient stores them (consecutive stream messages of one name merged).</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="Error">One-line description when it failed: <c>ename: evalue</c>, or what happened to the kernel.</param>
public sealed record CellExecution(CellStatus Status, int? ExecutionCount, IReadOnlyList<CellOutput> Outputs, double Seconds, string? Error)
{
    /// <summary>Whether the cell succeeded.</summary>
    public bool Succeeded => Status == CellStatus.Ok;
}
