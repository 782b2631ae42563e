using System.Text.Json.Serialization;
using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// An immutable, fitted preparation step: learned state plus a <see cref="Transform"/> that applies
/// exactly that state to any frame (training or new data). Serialisable as JSON (the <c>step</c>
/// property names the kind), so a fitted pipeline can be saved and loaded. The generic steps below are known by
/// their names; any other step (the samples' feature steps, a user's own) is added with
/// <see cref="StepRegistry.Register{TStep}(string)"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(FittedCleaner), "clean")]
[JsonDerivedType(typeof(FittedImputer), "impute")]
[JsonDerivedType(typeof(FittedOneHotEncoder), "one-hot")]
[JsonDerivedType(typeof(FittedOrdinalEncoder), "ordinal")]
[JsonDerivedType(typeof(FittedScaler), "scale")]
[JsonDerivedType(typeof(FittedLog1p), "log1p")]
[JsonDerivedType(typeof(FittedSelect), "select")]
[JsonDerivedType(typeof(FittedPcaStep), "pca")]
public abstract record FittedStep
{
    /// <summary>The step's short name, used in reports and errors.</summary>
    [JsonIgnore]
    public abstract string Name { get; }

    /// <summary>The columns the step reads; missing ones fail with a message listing what was found.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Applies the fitted state to <paramref name="frame"/> (which is not modified).</summary>
    /// <exception cref="ArgumentException">A required column is missing or of the wrong type.</exception>
    public StepResult Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, RequiredColumns, Name);
        return TransformCore(frame);
    }

    /// <summary>The step's transformation, called after the required columns were checked.</summary>
    protected abstract StepResult TransformCore(DataFrame frame);
}
