using System.ComponentModel;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Cooperative stop for cell code. <see cref="ScriptSession"/> inserts a call to
/// <see cref="ThrowIfCancelled"/> at the top of every loop body of a cell, so a cell that times
/// out or is interrupted stops at its next loop iteration instead of running on in the background.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptCancellation
{
    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was cancelled or timed out.</summary>
    public static void ThrowIfCancelled() => OutputCollector.Current?.CellToken.ThrowIfCancellationRequested();
}
