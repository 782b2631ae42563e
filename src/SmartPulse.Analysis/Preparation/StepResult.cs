using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>A transformed frame, the report of what the step did, and which input rows survived.</summary>
/// <param name="Frame">The new frame (the input is never modified).</param>
/// <param name="Report">What happened.</param>
/// <param name="KeptRows">For each output row, its 0-based input row; null when the step keeps every row in order.</param>
public sealed record StepResult(DataFrame Frame, StepReport Report, IReadOnlyList<int>? KeptRows = null);
