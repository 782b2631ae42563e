namespace SmartPulse.Server.Scoring;

/// <summary>Builds the API's descriptions of a loaded model.</summary>
internal static class ModelViews
{
    /// <summary>The list entry.</summary>
    public static ModelSummary Summary(LoadedModel m) =>
        new(m.Name, m.Source, m.Model.Metadata.Algorithm, m.Model.Metadata.Sizes.Count, m.Model.Pipeline.RequiredInputs);

    /// <summary>The full description, centroids in original units.</summary>
    public static ModelDetail Detail(LoadedModel m)
    {
        var meta = m.Model.Metadata;
        var centroids = m.Model.CentroidsInInputUnits();
        var features = m.Model.Pipeline.FeatureNames;
        var segments = meta.Sizes.Select((size, s) => new SegmentDetail(
            s,
            meta.NameOf(s),
            size,
            centroids is null ? null : features.Select((f, j) => (f, v: centroids[s][j])).ToDictionary(p => p.f, p => p.v, StringComparer.Ordinal))).ToList();
        return new ModelDetail(m.Name, m.Source, meta.Algorithm, meta.Sizes.Count, m.Model.Pipeline.RequiredInputs, meta.ModelFeatures,
            m.Model.Autoencoder is not null, segments, meta.Parameters, meta.TrainingRows, meta.TrainingMetrics, meta.PackageVersion);
    }
}
