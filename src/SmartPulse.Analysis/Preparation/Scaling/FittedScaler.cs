using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted scaling step: x′ = (x − center) / scale per column; invertible.</summary>
/// <param name="Kind">How centre and scale were learned.</param>
/// <param name="Columns">Per column, the learned centre and scale.</param>
/// <param name="FitWarnings">Warnings from fitting (zero spread).</param>
public sealed record FittedScaler(ScalingKind Kind, IReadOnlyList<ColumnScale> Columns, IReadOnlyList<string> FitWarnings) : FittedStep
{
    internal const string StepName = "scale";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Columns.Select(c => c.Column).ToList();

    /// <summary>Maps a scaled value of <paramref name="column"/> back to original units: x = x′·scale + center.</summary>
    /// <exception cref="ArgumentException">The column was not scaled by this step.</exception>
    public double Inverse(string column, double scaled)
    {
        var c = Columns.FirstOrDefault(s => s.Column == column)
            ?? throw new ArgumentException($"Column '{column}' is not scaled by this step. Scaled columns: {string.Join(", ", Columns.Select(s => s.Column))}.", nameof(column));
        return (scaled * c.Scale) + c.Center;
    }

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var replaced = Columns.Select(c =>
        {
            var values = FrameOps.Numeric(frame, c.Column, Name).Select(v => v is { } x ? (double?)((x - c.Center) / c.Scale) : null).ToArray();
            return (DataFrameColumn)FrameOps.Doubles(c.Column, values);
        }).ToArray();
        var result = FrameOps.With(frame, replaced);
        var summary = $"{Kind.ToString().ToLowerInvariant()}-scaled {string.Join(", ", Columns.Select(c => c.Column))}";
        return new StepResult(result, FrameOps.Report(Name, summary, frame, result, warnings: FitWarnings));
    }
}
