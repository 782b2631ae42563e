using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>The marketing feature step with its reference year and learned reference date; see <see cref="MarketingFeatures"/>.</summary>
/// <param name="ReferenceYear">Age = ReferenceYear − Year_Birth.</param>
/// <param name="ReferenceDate">Tenure is counted to this date.</param>
public sealed record FittedMarketingFeatures(int ReferenceYear, DateTime ReferenceDate) : FittedStep
{
    internal const string StepName = "marketing-features";

    private static readonly Dictionary<string, string> _education = new(StringComparer.Ordinal)
    {
        ["Basic"] = "Undergraduate",
        ["2n Cycle"] = "Undergraduate",
        ["Graduation"] = "Graduate",
        ["Master"] = "Postgraduate",
        ["PhD"] = "Postgraduate",
    };

    private static readonly Dictionary<string, string> _livingWith = new(StringComparer.Ordinal)
    {
        ["Married"] = "Partner",
        ["Together"] = "Partner",
        ["Single"] = "Alone",
        ["Divorced"] = "Alone",
        ["Widow"] = "Alone",
        ["Alone"] = "Alone",
        ["Absurd"] = "Alone",
        ["YOLO"] = "Alone",
    };

    /// <summary>The columns this step adds.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } =
        ["Age", "Customer_Tenure_Days", "Total_Spending", "Total_Children", "Total_Purchases", "Total_Accepted_Campaigns", "Education_Level", "Living_With"];

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns =>
        [.. new[] { "Year_Birth", "Dt_Customer", "Kidhome", "Teenhome", "Education", "Marital_Status" },
         .. MarketingFeatures.SpendingColumns, .. MarketingFeatures.PurchaseColumns, .. MarketingFeatures.CampaignColumns];

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        double?[] Sum(IEnumerable<string> columns)
        {
            var parts = columns.Select(c => FrameOps.Numeric(frame, c, Name)).ToArray();
            return Enumerable.Range(0, parts[0].Length)
                .Select(r => parts.Any(p => p[r] is null) ? null : (double?)parts.Sum(p => p[r]!.Value)).ToArray();
        }

        string?[] Map(string column, Dictionary<string, string> map)
        {
            return FrameColumns.Text(frame[column]).Select((v, r) => v is null ? null
                : map.TryGetValue(v, out var m) ? m
                : throw new ArgumentException($"Step '{Name}': column '{column}' row {r} has '{v}', which has no group. Known values: {string.Join(", ", map.Keys)}.", nameof(frame))).ToArray();
        }

        var age = FrameOps.Numeric(frame, "Year_Birth", Name).Select(y => y is { } v ? ReferenceYear - v : (double?)null).ToArray();
        var dates = frame["Dt_Customer"];
        var tenure = new double?[dates.Length];
        for (long i = 0; i < dates.Length; i++)
        {
            tenure[i] = dates[i] is DateTime d ? (ReferenceDate - d).TotalDays : null;
        }

        var added = new DataFrameColumn[]
        {
            FrameOps.Doubles("Age", age),
            FrameOps.Doubles("Customer_Tenure_Days", tenure),
            FrameOps.Doubles("Total_Spending", Sum(MarketingFeatures.SpendingColumns)),
            FrameOps.Doubles("Total_Children", Sum(["Kidhome", "Teenhome"])),
            FrameOps.Doubles("Total_Purchases", Sum(MarketingFeatures.PurchaseColumns)),
            FrameOps.Doubles("Total_Accepted_Campaigns", Sum(MarketingFeatures.CampaignColumns)),
            new StringDataFrameColumn("Education_Level", Map("Education", _education)),
            new StringDataFrameColumn("Living_With", Map("Marital_Status", _livingWith)),
        };
        var result = FrameOps.With(frame, added);
        var summary = $"added {string.Join(", ", OutputColumns)} (Age at {ReferenceYear}, tenure to {ReferenceDate:yyyy-MM-dd})";
        return new StepResult(result, FrameOps.Report(Name, summary, frame, result, [.. OutputColumns]));
    }
}
