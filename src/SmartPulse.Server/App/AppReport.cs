using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Display.Charts;

namespace SmartPulse.Server.App;

/// <summary>What the results page shows and the downloads serve, computed once when a job finishes.</summary>
/// <param name="Run">The segmentation (the same call the CLI's <c>segment</c> makes).</param>
/// <param name="Insights">Profiles, names and narratives.</param>
/// <param name="Charts">The charts, in page order.</param>
/// <param name="SegmentedCsv">The segmented CSV (formula-safe), UTF-8.</param>
/// <param name="ModelZip">The model zip.</param>
internal sealed record AppReport(SegmentationRun Run, SegmentInsightReport Insights, IReadOnlyList<SmartChart> Charts, byte[] SegmentedCsv, byte[] ModelZip);
