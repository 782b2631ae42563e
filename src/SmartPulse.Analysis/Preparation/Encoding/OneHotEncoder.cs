using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// Options of one-hot encoding: each listed column becomes one 0/1 column per category, named
/// <c>{column}_{category}</c>, categories in ordinal (code-point) order as scikit-learn's
/// OneHotEncoder and pandas' get_dummies. With <see cref="DropFirst"/> the first category's column
/// is left out, so a two-category column such as Gender becomes a single 0/1 column (Gender_Male).
/// </summary>
/// <param name="Columns">The categorical columns to encode (text or integer codes).</param>
public sealed record OneHotEncoder(params string[] Columns) : IPreparationStep
{
    /// <summary>Leave out the first category's column (avoids collinear dummies).</summary>
    public bool DropFirst { get; init; }

    /// <summary>What to do with a category unseen at fit time.</summary>
    public UnknownCategoryPolicy Unknown { get; init; } = UnknownCategoryPolicy.Error;

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, Columns, FittedOneHotEncoder.StepName);
        var maps = Columns.Select(c => new CategoryMap(c,
            CategoryMap.Values(frame, c, FittedOneHotEncoder.StepName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()!)).ToList();
        return new FittedOneHotEncoder(maps, DropFirst, Unknown);
    }
}
