using System.Globalization;

namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Whether a rule such as "income &gt; $50,000, family size &lt; 8 and experience ≤ 10 years → higher
/// spending score" holds in the data: the target's size, mean and median in the rows that meet all
/// conditions against the rest. The rule is <see cref="Supported"/> when the matching group's mean
/// is higher. This is a descriptive comparison, not a significance test.
/// </summary>
/// <param name="Rule">The rule as text (conditions joined by "and").</param>
/// <param name="Target">The compared column.</param>
/// <param name="Matching">Rows meeting every condition.</param>
/// <param name="Others">All other rows.</param>
/// <param name="RowsSkipped">Rows left out because a condition column or the target was missing.</param>
public sealed record RuleCheckResult(string Rule, string Target, RuleGroup Matching, RuleGroup Others, long RowsSkipped)
{
    /// <summary>Matching mean minus others' mean.</summary>
    public double MeanDifference => Matching.Mean - Others.Mean;

    /// <summary>Matching median minus others' median.</summary>
    public double MedianDifference => Matching.Median - Others.Median;

    /// <summary><c>true</c> when both groups are non-empty and the matching group's mean is higher.</summary>
    public bool Supported => Matching.Size > 0 && Others.Size > 0 && MeanDifference > 0;

    /// <summary>A one-sentence reading of the result with the two group means.</summary>
    public string Summary
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            if (Matching.Size == 0 || Others.Size == 0)
            {
                return string.Format(c, "The rule \"{0}\" cannot be checked: {1} rows match and {2} do not.", Rule, Matching.Size, Others.Size);
            }

            var verdict = Supported ? "supports" : "does not support";
            return string.Format(c,
                "The data {0} the rule \"{1}\" → higher {2}: the {3} matching customers average {4:0.##} (median {5:0.##}) against {6:0.##} (median {7:0.##}) for the other {8}, a difference of {9:+0.##;-0.##;0}.",
                verdict, Rule, Target, Matching.Size, Matching.Mean, Matching.Median, Others.Mean, Others.Median, Others.Size, MeanDifference);
        }
    }
}
