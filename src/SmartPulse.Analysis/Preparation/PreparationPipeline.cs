using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// Steps composed into one preparation, as scikit-learn's Pipeline: each step is fitted on the output of the previous
/// one. <see cref="FitTransform"/> returns the fitted pipeline and the prepared training data (the usual call in a
/// notebook); <see cref="Fit"/> returns only the <see cref="FittedPipeline"/>, which transforms new rows exactly the
/// same way.
/// </summary>
public sealed class PreparationPipeline
{
    /// <summary>Creates a pipeline of <paramref name="steps"/>, applied in order.</summary>
    public PreparationPipeline(params IPreparationStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps;
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<IPreparationStep> Steps { get; }

    /// <summary>
    /// The model features: output columns handed to clustering as a <see cref="Features.FeatureMatrix"/>.
    /// Null (default) = every numeric output column.
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Fits every step in order on <paramref name="frame"/> and returns the fitted pipeline.</summary>
    /// <exception cref="ArgumentException">A step's options don't fit the data; the message names the step and column.</exception>
    public FittedPipeline Fit(DataFrame frame) => FitTransform(frame).Pipeline;

    /// <summary>
    /// Fits every step in order on <paramref name="frame"/> (which is not modified) and returns the fitted pipeline with
    /// the prepared training data — scikit-learn's <c>fit_transform</c>, keeping the fitted pipeline too.
    /// </summary>
    /// <exception cref="ArgumentException">A step's options don't fit the data; the message names the step and column.</exception>
    public FitTransformResult FitTransform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var inputColumns = frame.Columns.Select(c => c.Name).ToList();
        var current = frame;
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).ToArray();
        var fitted = new List<FittedStep>();
        var reports = new List<StepReport>();
        var required = new List<string>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            var fittedStep = step.Fit(current);
            required.AddRange(fittedStep.RequiredColumns.Where(c => !produced.Contains(c) && inputColumns.Contains(c)));
            var result = fittedStep.Transform(current);
            produced.UnionWith(result.Report.ColumnsAdded);
            fitted.Add(fittedStep);
            reports.Add(result.Report);
            current = result.Frame;
            rows = FittedPipeline.Compose(rows, result.KeptRows);
        }

        var outputs = current.Columns.ToList();
        var features = Features?.ToList() ?? outputs.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToList();
        FrameOps.Require(current, features, "features");
        required.AddRange(features.Where(f => !produced.Contains(f) && inputColumns.Contains(f)));
        var pipeline = new FittedPipeline(fitted, required.Distinct().OrderBy(inputColumns.IndexOf).ToList(), features);
        return new FitTransformResult(pipeline, new PreparedData(pipeline.FeatureNames, current, rows, reports));
    }
}
