using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>The shop feature step (stateless); see <see cref="ShopFeatures"/> for the formulas and the zero-income rule.</summary>
/// <param name="FamilySize">The family-size column.</param>
/// <param name="AnnualIncome">The annual-income column.</param>
/// <param name="IdColumn">The id column naming affected rows, if any.</param>
public sealed record FittedShopFeatures(string FamilySize, string AnnualIncome, string? IdColumn) : FittedStep
{
    internal const string StepName = "shop-features";

    /// <summary>Output column: Family Size × Annual Income.</summary>
    public const string Product = "Family_Income_Product";

    /// <summary>Output column: Family Size / Annual Income (missing where income ≤ 0).</summary>
    public const string Ratio = "Family_Income_Ratio";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => IdColumn is null ? [FamilySize, AnnualIncome] : [FamilySize, AnnualIncome, IdColumn];

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var family = FrameOps.Numeric(frame, FamilySize, Name);
        var income = FrameOps.Numeric(frame, AnnualIncome, Name);
        var ids = IdColumn is null ? null : FrameColumns.Text(frame[IdColumn]);
        var product = new double?[family.Length];
        var ratio = new double?[family.Length];
        var undefined = new List<string>();
        for (var r = 0; r < family.Length; r++)
        {
            if (family[r] is not { } f || income[r] is not { } i)
            {
                continue;
            }

            product[r] = f * i;
            if (i > 0)
            {
                ratio[r] = f / i;
            }
            else
            {
                undefined.Add(ids?[r] ?? $"row {r}");
            }
        }

        var result = FrameOps.With(frame, FrameOps.Doubles(Product, product), FrameOps.Doubles(Ratio, ratio));
        var rule = new RuleOutcome($"{AnnualIncome} <= 0 → {Ratio} missing", undefined.Count, undefined);
        var warnings = undefined.Count == 0 ? [] : new[] { $"{Ratio} is undefined (income ≤ 0) in {undefined.Count} row(s) and left missing; impute it before modelling." };
        return new StepResult(result, FrameOps.Report(Name, $"added {Product}, {Ratio}", frame, result, [Product, Ratio], warnings: warnings, affected: [rule]));
    }
}
