using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// A nearest-centroid model applied to one row at a time: fill a missing feature with the training median, scale as
/// at fit time (<c>(x − centre) / scale</c>, the same operation the fit applied), nearest centroid through
/// <see cref="DistanceKernel"/>.
/// </summary>
internal sealed class RowScorer
{
    private readonly double[] _fills;
    private readonly double[] _centers;
    private readonly double[] _offsets;
    private readonly double[] _scales;

    private RowScorer(string[] features, double[] fills, double[] offsets, double[] scales, double[] centers, int k)
    {
        Features = features;
        _fills = fills;
        _offsets = offsets;
        _scales = scales;
        _centers = centers;
        K = k;
    }

    public string[] Features { get; }

    public int K { get; }

    public int Dimensions => Features.Length;

    public static RowScorer For(SegmentationModel model)
    {
        var features = model.Metadata.ModelFeatures.ToArray();
        var imputer = model.Pipeline.Steps.OfType<FittedImputer>().SelectMany(i => i.Fills).ToDictionary(f => f.Column, f => f.Number ?? double.NaN, StringComparer.Ordinal);
        var scaler = model.Pipeline.Steps.OfType<FittedScaler>().FirstOrDefault();
        var fills = features.Select(f => model.Metadata.TrainingMedians?.GetValueOrDefault(f, double.NaN) is { } m && !double.IsNaN(m) ? m : imputer.GetValueOrDefault(f, double.NaN)).ToArray();
        var scales = features.Select(f => scaler?.Columns.FirstOrDefault(c => c.Column == f)).ToArray();
        var centroids = ((NearestCentroid)model.Assigner).Centroids;
        var centers = centroids.SelectMany(c => c).ToArray();
        return new RowScorer(features, fills, [.. scales.Select(s => s?.Center ?? 0)], [.. scales.Select(s => s?.Scale ?? 1)], centers, centroids.Count);
    }

    /// <summary>The segment of <paramref name="raw"/> (input units, NaN = missing); the model-space row in <paramref name="modelRow"/>.</summary>
    public int Score(double[] raw, double[] modelRow, string path, int line)
    {
        for (var j = 0; j < raw.Length; j++)
        {
            var v = raw[j];
            if (double.IsNaN(v))
            {
                v = _fills[j];
                if (double.IsNaN(v))
                {
                    throw new CsvFormatException(path, line, Features[j], "the value is missing and the model holds no training median to fill it. Re-run 'smartpulse segment ... --model' to save one, or fill the gap.");
                }
            }

            modelRow[j] = (v - _offsets[j]) / _scales[j];
        }

        return DistanceKernel.NearestRow(modelRow, _centers, K, out _);
    }
}
