namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// What <see cref="PreparationPipeline.FitTransform"/> returns: the fitted pipeline (to transform new rows, or save) and
/// the prepared training data. Deconstructs: <c>var (pipeline, prepared) = new PreparationPipeline(...).FitTransform(df);</c>
/// </summary>
/// <param name="Pipeline">The fitted pipeline.</param>
/// <param name="Data">The training frame after every step, with its report; <c>Data.Features()</c> is the matrix for clustering.</param>
public sealed record FitTransformResult(FittedPipeline Pipeline, PreparedData Data)
{
    /// <summary>The prepared features as a matrix for clustering (same as <c>Data.Features()</c>).</summary>
    /// <exception cref="ArgumentException">A feature has a missing value (the message names it).</exception>
    public Features.FeatureMatrix Features() => Data.Features();
}
