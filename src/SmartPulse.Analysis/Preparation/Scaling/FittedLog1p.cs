using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The log1p step: x′ = ln(1 + x). A value ≤ −1 is an error naming the column and row.</summary>
/// <param name="Columns">The transformed columns.</param>
public sealed record FittedLog1p(IReadOnlyList<string> Columns) : FittedStep
{
    internal const string StepName = "log1p";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Columns;

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var replaced = Columns.Select(name =>
        {
            var values = FrameOps.Numeric(frame, name, Name);
            var result = new double?[values.Length];
            for (var r = 0; r < values.Length; r++)
            {
                if (values[r] is { } x)
                {
                    result[r] = x > -1
                        ? Math.Log(1 + x)
                        : throw new ArgumentException($"Step 'log1p': column '{name}' row {r} is {x}; log1p needs values greater than −1. Clean or shift the column first.", nameof(frame));
                }
            }

            return (DataFrameColumn)FrameOps.Doubles(name, result);
        }).ToArray();
        var output = FrameOps.With(frame, replaced);
        return new StepResult(output, FrameOps.Report(Name, $"log1p of {string.Join(", ", Columns)}", frame, output));
    }
}
