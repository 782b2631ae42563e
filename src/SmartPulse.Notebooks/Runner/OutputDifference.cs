namespace SmartPulse.Notebooks.Runner;

/// <summary>A code cell whose re-executed outputs differ from the stored ones.</summary>
/// <param name="Index">1-based cell position in the executed notebook (error banner not counted), as in the runner's progress.</param>
/// <param name="Id">The cell id.</param>
/// <param name="Summary">What differs (output counts or content).</param>
/// <param name="Expected">The first differing line of the stored outputs (canonical JSON).</param>
/// <param name="Actual">The first differing line of the new outputs.</param>
public sealed record OutputDifference(int Index, string Id, string Summary, string Expected, string Actual);
