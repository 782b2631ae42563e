using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Server.Scoring;

/// <summary>A segmentation model the scoring API serves under <paramref name="Name"/>.</summary>
/// <param name="Name">The name used in requests (<c>/api/models/{name}</c>, <c>"model"</c>).</param>
/// <param name="Model">The model.</param>
/// <param name="Source">Where it came from (file name, or "app" for one made in the web app).</param>
public sealed record LoadedModel(string Name, SegmentationModel Model, string Source)
{
    /// <summary>Input columns read as text (categories the pipeline encodes); every other input is a number.</summary>
    public IReadOnlySet<string> TextInputs { get; } = Model.Pipeline.Steps
        .Where(s => s is FittedOneHotEncoder or FittedOrdinalEncoder)
        .SelectMany(s => s.RequiredColumns)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Input columns whose missing values are filled: with the training median recorded in the model (as
    /// <c>smartpulse score</c> does), or by an imputer in the pipeline.
    /// </summary>
    public IReadOnlySet<string> ImputedInputs { get; } = Model.Pipeline.Steps
        .OfType<FittedImputer>()
        .SelectMany(s => s.RequiredColumns)
        .Concat(Model.Metadata.TrainingMedians?.Keys ?? [])
        .ToHashSet(StringComparer.Ordinal);
}
