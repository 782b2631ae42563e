using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted ordinal step: the category order per column (code = index; "other" = count).</summary>
/// <param name="Maps">Per column, the categories in code order.</param>
/// <param name="Unknown">The unseen-category policy.</param>
public sealed record FittedOrdinalEncoder(IReadOnlyList<CategoryMap> Maps, UnknownCategoryPolicy Unknown) : FittedStep
{
    internal const string StepName = "ordinal";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Maps.Select(m => m.Column).ToList();

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var replaced = new List<DataFrameColumn>();
        var warnings = new List<string>();
        foreach (var map in Maps)
        {
            var values = CategoryMap.Values(frame, map.Column, Name);
            var codes = new double?[values.Length];
            var unseen = 0;
            for (var r = 0; r < values.Length; r++)
            {
                var index = map.IndexOf(values[r]!);
                if (index < 0)
                {
                    if (Unknown == UnknownCategoryPolicy.Error)
                    {
                        throw map.Unknown(values[r]!, Name);
                    }

                    unseen++;
                    index = map.Categories.Count;
                }

                codes[r] = index;
            }

            if (unseen > 0)
            {
                warnings.Add($"{map.Column}: {unseen} row(s) with an unknown category got the 'other' code {map.Categories.Count}.");
            }

            replaced.Add(FrameOps.Doubles(map.Column, codes));
        }

        var result = FrameOps.With(frame, [.. replaced]);
        var summary = "ordinal-encoded " + string.Join(", ", Maps.Select(m => $"{m.Column} ({string.Join(" < ", m.Categories)})"));
        return new StepResult(result, FrameOps.Report(Name, summary, frame, result, warnings: warnings));
    }
}
