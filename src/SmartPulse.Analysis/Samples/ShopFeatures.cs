using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// Engineered features of the shop-customers analysis (Customers.csv):
/// <list type="bullet">
/// <item><c>Family_Income_Product</c> = Family Size × Annual Income.</item>
/// <item><c>Family_Income_Ratio</c> = Family Size / Annual Income. Rule: where Annual Income is 0 (or
/// negative) the ratio is undefined, so it is left <em>missing</em> (never Infinity or NaN) and the
/// rows are reported; follow with an <see cref="Imputer"/> (the shop recipe uses the median).</item>
/// </list>
/// Rows with a missing input give a missing output.
/// </summary>
public sealed record ShopFeatures : IPreparationStep
{
    /// <summary>The family-size column.</summary>
    public string FamilySize { get; init; } = "Family Size";

    /// <summary>The annual-income column.</summary>
    public string AnnualIncome { get; init; } = "Annual Income ($)";

    /// <summary>The id column used to name affected rows, if present.</summary>
    public string? IdColumn { get; init; } = "CustomerID";

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, [FamilySize, AnnualIncome], FittedShopFeatures.StepName);
        var id = IdColumn is not null && frame.Columns.IndexOf(IdColumn) >= 0 ? IdColumn : null;
        return new FittedShopFeatures(FamilySize, AnnualIncome, id);
    }
}
