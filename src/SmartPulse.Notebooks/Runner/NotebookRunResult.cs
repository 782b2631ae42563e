using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Runner;

/// <summary>The executed notebook and how its run went.</summary>
/// <param name="Notebook">The executed copy: outputs, execution counts 1..n, and an error banner cell when a cell failed.</param>
/// <param name="Cells">Per code cell: status and timing.</param>
/// <param name="Seconds">Total wall time.</param>
/// <param name="Error">A failure of the notebook outside any cell (kernelspec not installed, kernel did not start); null otherwise.</param>
public sealed record NotebookRunResult(Notebook Notebook, IReadOnlyList<CellRun> Cells, double Seconds, string? Error = null)
{
    /// <summary>Whether the kernel started and every executed cell succeeded.</summary>
    public bool Succeeded => Error is null && Cells.All(c => c.Status == Execution.CellStatus.Ok);

    /// <summary>The first failing cell, or null.</summary>
    public CellRun? FirstFailure => Cells.FirstOrDefault(c => c.Status != Execution.CellStatus.Ok);
}
