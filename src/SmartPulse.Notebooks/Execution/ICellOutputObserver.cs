using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Receives outputs while a cell runs (a Jupyter kernel publishes them on iopub as they come;
/// the runner only needs the final list in <see cref="CellExecutionResult.Outputs"/>). Calls are
/// serialised; keep them short.
/// </summary>
public interface ICellOutputObserver
{
    /// <summary>
    /// A new output: a stream chunk (consecutive chunks are merged in the final list), display
    /// data, the execute result, or an error.
    /// </summary>
    /// <param name="output">The output (do not mutate).</param>
    void OnOutput(CellOutput output);

    /// <summary>An earlier display output was replaced through <c>DisplayedValue.Update</c>.</summary>
    /// <param name="output">The new content, carrying the original <see cref="CellOutput.DisplayId"/>.</param>
    void OnDisplayUpdated(CellOutput output);

    /// <summary>The cell cleared its outputs (<c>ClearOutput()</c> or <c>Console.Clear()</c>); with <paramref name="wait"/>, they go when the next output arrives.</summary>
    /// <param name="wait">Clear when the next output arrives rather than now.</param>
    void OnClearOutput(bool wait)
    {
    }
}
