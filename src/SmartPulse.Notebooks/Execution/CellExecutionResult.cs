using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>The outcome of one <see cref="ScriptSession.ExecuteAsync"/> call.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="ExecutionCount">The session's execution counter for this cell (1, 2, ...).</param>
/// <param name="Outputs">The outputs in order, consecutive stream writes merged.</param>
/// <param name="Elapsed">Wall time, including directive resolution and compilation.</param>
public sealed record CellExecutionResult(CellStatus Status, int ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed)
{
    /// <summary>Whether the cell succeeded.</summary>
    public bool Succeeded => Status == CellStatus.Ok;

    /// <summary>The error output, if the cell failed.</summary>
    public CellOutput? Error => Outputs.LastOrDefault(o => o.OutputType == CellOutput.ErrorType);

    /// <summary>One line describing the error (<c>ename: evalue</c>, first line), or <see langword="null"/>.</summary>
    public string? ErrorSummary => Error is { } e ? $"{e.ErrorName}: {(e.ErrorValue ?? "").Split('\n')[0]}" : null;
}
