using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted one-hot step: the learned categories per column.</summary>
/// <param name="Maps">Per column, the categories in output order.</param>
/// <param name="DropFirst">Whether the first category's column is left out.</param>
/// <param name="Unknown">The unseen-category policy.</param>
public sealed record FittedOneHotEncoder(IReadOnlyList<CategoryMap> Maps, bool DropFirst, UnknownCategoryPolicy Unknown) : FittedStep
{
    internal const string StepName = "one-hot";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Maps.Select(m => m.Column).ToList();

    /// <summary>The output column names for <paramref name="map"/>.</summary>
    public IReadOnlyList<string> OutputColumns(CategoryMap map)
    {
        var names = map.Categories.Skip(DropFirst ? 1 : 0).Select(c => $"{map.Column}_{c}").ToList();
        if (Unknown == UnknownCategoryPolicy.Other)
        {
            names.Add($"{map.Column}_other");
        }

        return names;
    }

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var added = new List<DataFrameColumn>();
        var warnings = new List<string>();
        foreach (var map in Maps)
        {
            var values = CategoryMap.Values(frame, map.Column, Name);
            var first = DropFirst ? 1 : 0;
            var width = map.Categories.Count - first + (Unknown == UnknownCategoryPolicy.Other ? 1 : 0);
            var columns = Enumerable.Range(0, width).Select(_ => new double?[values.Length]).ToArray();
            var unseen = 0;
            for (var r = 0; r < values.Length; r++)
            {
                for (var j = 0; j < width; j++)
                {
                    columns[j][r] = 0;
                }

                var index = map.IndexOf(values[r]!);
                if (index < 0)
                {
                    if (Unknown == UnknownCategoryPolicy.Error)
                    {
                        throw map.Unknown(values[r]!, Name);
                    }

                    unseen++;
                    columns[width - 1][r] = 1;
                }
                else if (index >= first)
                {
                    columns[index - first][r] = 1;
                }
            }

            if (unseen > 0)
            {
                warnings.Add($"{map.Column}: {unseen} row(s) with a category unseen at fit went to {map.Column}_other.");
            }

            var names = OutputColumns(map);
            added.AddRange(names.Select((n, j) => (DataFrameColumn)FrameOps.Doubles(n, columns[j])));
        }

        var removed = Maps.Select(m => m.Column).ToList();
        var result = FrameOps.With(FrameOps.Without(frame, removed), [.. added]);
        var summary = "one-hot encoded " + string.Join(", ", Maps.Select(m => $"{m.Column} ({m.Categories.Count} categories)"));
        return new StepResult(result, FrameOps.Report(Name, summary, frame, result, added.Select(c => c.Name).ToList(), removed, warnings: warnings));
    }
}
