namespace SmartPulse.Analysis.Export;

/// <summary>What <see cref="StreamedSegmentExport.Write"/> wrote.</summary>
/// <param name="Rows">Data rows scored and written.</param>
/// <param name="Sizes">Rows per segment (index = segment).</param>
/// <param name="Imputed">Missing feature values filled, per feature (only features with gaps).</param>
/// <param name="Replaced">Columns of the input that an earlier <c>segment --out</c> wrote (<c>Segment</c>, <c>model_*</c>), dropped and written afresh.</param>
public sealed record StreamedScoreSummary(long Rows, IReadOnlyList<long> Sizes, IReadOnlyDictionary<string, long> Imputed, IReadOnlyList<string> Replaced);
