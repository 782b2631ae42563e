namespace SmartPulse.Analysis.Preparation;

/// <summary>The categories learned for one column, in encoding order.</summary>
/// <param name="Column">The column.</param>
/// <param name="Categories">Known categories; the index is the ordinal code.</param>
public sealed record CategoryMap(string Column, IReadOnlyList<string> Categories)
{
    internal int IndexOf(string value)
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            if (string.Equals(Categories[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string?[] Values(Microsoft.Data.Analysis.DataFrame frame, string column, string step)
    {
        var values = Data.FrameColumns.Text(frame[column]);
        var missing = Array.IndexOf(values, null);
        if (missing >= 0)
        {
            throw new ArgumentException(
                $"Step '{step}': column '{column}' has a missing value (row {missing}). Impute it first (e.g. a Constant \"Unknown\") so every row has a category.",
                nameof(frame));
        }

        return values;
    }

    internal Exception Unknown(string value, string step) => new ArgumentException(
        $"Step '{step}': column '{Column}' has the category '{value}', unseen when the pipeline was fitted. Known: {string.Join(", ", Categories)}. Refit on data that includes it, or use UnknownCategoryPolicy.Other.");
}
