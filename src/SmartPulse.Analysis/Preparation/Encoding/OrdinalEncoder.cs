using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// Options of label/ordinal encoding: each listed column is replaced by codes 0..n−1 (as doubles),
/// in sorted order (scikit-learn's LabelEncoder) or a declared order (e.g. Undergraduate,
/// Graduate, Postgraduate).
/// </summary>
/// <param name="Columns">The columns and their orders.</param>
public sealed record OrdinalEncoder(params OrdinalColumn[] Columns) : IPreparationStep
{
    /// <summary>What to do with a category unseen at fit (or missing from an explicit order).</summary>
    public UnknownCategoryPolicy Unknown { get; init; } = UnknownCategoryPolicy.Error;

    /// <summary>Encodes the named columns in sorted order.</summary>
    public static OrdinalEncoder Sorted(params string[] columns) => new(columns.Select(c => new OrdinalColumn(c)).ToArray());

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, Columns.Select(c => c.Column), FittedOrdinalEncoder.StepName);
        var maps = new List<CategoryMap>();
        foreach (var spec in Columns)
        {
            var seen = CategoryMap.Values(frame, spec.Column, FittedOrdinalEncoder.StepName).Distinct(StringComparer.Ordinal).ToArray();
            if (spec.Order is { } order)
            {
                if (order.Distinct(StringComparer.Ordinal).Count() != order.Count)
                {
                    throw new ArgumentException($"The order for '{spec.Column}' repeats a category: {string.Join(", ", order)}.", nameof(Columns));
                }

                var notInOrder = seen.Where(s => !order.Contains(s!, StringComparer.Ordinal)).ToList();
                if (notInOrder.Count > 0 && Unknown == UnknownCategoryPolicy.Error)
                {
                    throw new ArgumentException(
                        $"Column '{spec.Column}' has categories missing from the declared order: {string.Join(", ", notInOrder)}. Declared: {string.Join(", ", order)}.", nameof(Columns));
                }

                maps.Add(new CategoryMap(spec.Column, order.ToArray()));
            }
            else
            {
                maps.Add(new CategoryMap(spec.Column, seen.Order(StringComparer.Ordinal).ToArray()!));
            }
        }

        return new FittedOrdinalEncoder(maps, Unknown);
    }
}
