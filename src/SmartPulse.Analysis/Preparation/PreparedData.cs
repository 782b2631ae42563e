using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Preparation;

/// <summary>A prepared frame, the rows of the input it came from, and what each step did.</summary>
public sealed class PreparedData
{
    private readonly IReadOnlyList<string> _featureNames;

    internal PreparedData(IReadOnlyList<string> featureNames, DataFrame frame, IReadOnlyList<int> sourceRows, IReadOnlyList<StepReport> report)
    {
        _featureNames = featureNames;
        Frame = frame;
        SourceRows = sourceRows;
        Report = report;
    }

    /// <summary>The prepared frame (every output column).</summary>
    public DataFrame Frame { get; }

    /// <summary>For each prepared row, its 0-based row index in the input frame (cleaning may drop rows).</summary>
    public IReadOnlyList<int> SourceRows { get; }

    /// <summary>One report per step, in order.</summary>
    public IReadOnlyList<StepReport> Report { get; }

    /// <summary>Warnings from all steps, prefixed with the step name.</summary>
    public IReadOnlyList<string> Warnings => Report.SelectMany(r => r.Warnings.Select(w => $"{r.Step}: {w}")).ToList();

    /// <summary>The pipeline's feature columns as a matrix for clustering.</summary>
    /// <exception cref="ArgumentException">A feature has a missing value (the message names it).</exception>
    public FeatureMatrix Features() => FrameOps.ToMatrix(Frame, _featureNames, "features");

    /// <summary>The report as lines of text, one per step.</summary>
    public IReadOnlyList<string> Describe() => Report.Select(r => $"{r.Step}: {r.Summary} [{r.RowsIn} → {r.RowsOut} rows]").ToList();
}
