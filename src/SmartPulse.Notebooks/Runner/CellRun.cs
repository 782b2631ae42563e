using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Runner;

/// <summary>What happened to one code cell during a notebook run (timings live here, never in the notebook).</summary>
/// <param name="Index">1-based position among all cells of the executed notebook.</param>
/// <param name="Id">The cell id.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="Error">One-line error summary when it failed.</param>
public sealed record CellRun(int Index, string Id, CellStatus Status, double Seconds, string? Error);
