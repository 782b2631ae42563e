using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Exploration;

/// <summary>
/// Eda on the four real files against pandas 1.5.3. Expected values: Expected/pandas_describe.json,
/// written by Expected/make_pandas_describe.py (pd.read_csv(...).describe() and .corr()) with
/// Debian's python3-pandas. Files are read with type inference (no schema), as pandas does.
/// </summary>
public class EdaPandasParityTests
{
    private const double Tolerance = 1e-9;

    private static readonly JsonElement _expected =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "pandas_describe.json"))).RootElement;

    public static TheoryData<string> Files => new() { "Mall_Customers.csv", "Customers.csv", "marketing_campaign.csv", "ifood_df.csv" };

    private static void AssertClose(double expected, double actual, string what)
    {
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= Tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void DescribeEqualsPandas(string file)
    {
        var expected = _expected.GetProperty(file);
        var result = Eda.Describe(CsvLoader.Load(DataDirectory.Resolve(file)));
        Assert.Equal(expected.GetProperty("rows").GetInt64(), result.Rows);

        var numeric = expected.GetProperty("numeric");
        Assert.Equal(numeric.EnumerateObject().Select(p => p.Name).Order(), result.Numeric.Select(s => s.Column).Order());
        foreach (var s in result.Numeric)
        {
            var e = numeric.GetProperty(s.Column);
            AssertClose(e.GetProperty("count").GetDouble(), s.Count, $"{s.Column} count");
            AssertClose(e.GetProperty("mean").GetDouble(), s.Mean, $"{s.Column} mean");
            AssertClose(e.GetProperty("std").GetDouble(), s.Std, $"{s.Column} std");
            AssertClose(e.GetProperty("min").GetDouble(), s.Min, $"{s.Column} min");
            AssertClose(e.GetProperty("25%").GetDouble(), s.Q25, $"{s.Column} 25%");
            AssertClose(e.GetProperty("50%").GetDouble(), s.Median, $"{s.Column} 50%");
            AssertClose(e.GetProperty("75%").GetDouble(), s.Q75, $"{s.Column} 75%");
            AssertClose(e.GetProperty("max").GetDouble(), s.Max, $"{s.Column} max");
        }

        var categorical = expected.GetProperty("categorical");
        Assert.Equal(categorical.EnumerateObject().Select(p => p.Name).Order(), result.Categorical.Select(s => s.Column).Order());
        foreach (var s in result.Categorical)
        {
            var e = categorical.GetProperty(s.Column);
            Assert.Equal(e.GetProperty("count").GetInt64(), s.Count);
            Assert.Equal(e.GetProperty("unique").GetInt64(), s.Unique);
            Assert.Equal(e.GetProperty("freq").GetInt64(), s.Freq);
            Assert.Equal(e.GetProperty("top").GetString(), s.Top);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CorrelationsEqualPandas(string file)
    {
        var frame = CsvLoader.Load(DataDirectory.Resolve(file));
        foreach (var (method, key) in new[] { (CorrelationMethod.Pearson, "pearson"), (CorrelationMethod.Spearman, "spearman") })
        {
            var expected = _expected.GetProperty(file).GetProperty(key);
            var matrix = Eda.Correlation(frame, method);
            Assert.Equal(expected.EnumerateObject().Count(), matrix.Columns.Count);
            foreach (var row in expected.EnumerateObject())
            {
                foreach (var cell in row.Value.EnumerateObject())
                {
                    var actual = matrix[row.Name, cell.Name];
                    if (cell.Value.ValueKind == JsonValueKind.Null)
                    {
                        Assert.True(double.IsNaN(actual), $"{key} {row.Name}/{cell.Name}: expected NaN, got {actual}");
                    }
                    else
                    {
                        AssertClose(cell.Value.GetDouble(), actual, $"{key} {row.Name}/{cell.Name}");
                    }
                }
            }
        }
    }

    [Fact]
    public void SmartPulseHighSpenderRuleOnShopCustomers()
    {
        // pandas: m = (income > 50000) & (family < 8) & (experience <= 10);
        // df.loc[m, score].mean() = 51.125988700564974 (1770 rows), df.loc[~m, score].mean() = 49.70434782608696 (230 rows).
        var r = Eda.CheckRule(Datasets.Shop.Load(), "Spending Score (1-100)",
            new Condition("Annual Income ($)", ">", 50000), new Condition("Family Size", "<", 8), new Condition("Work Experience", "<=", 10));
        Assert.Equal(1770, r.Matching.Size);
        Assert.Equal(230, r.Others.Size);
        AssertClose(51.125988700564974, r.Matching.Mean, "matching mean");
        AssertClose(49.70434782608696, r.Others.Mean, "others mean");
        Assert.Equal((50.0, 49.0), (r.Matching.Median, r.Others.Median));
        Assert.True(r.Supported);
    }

    [Fact]
    public void GroupByProfessionEqualsPandas()
    {
        // pandas: df.groupby('Profession')['Spending Score (1-100)'].agg(['count','mean','median'])
        var result = Eda.SummarizeBy(Datasets.Shop.Load(), "Profession", "Spending Score (1-100)");
        Assert.Equal(35, result.RowsWithMissingKey);
        Assert.Equal(["Artist", "Doctor", "Engineer", "Entertainment", "Executive", "Healthcare", "Homemaker", "Lawyer", "Marketing"], result.Groups.Select(g => g.Group));
        var homemaker = result.Groups.Single(g => g.Group == "Homemaker").Values["Spending Score (1-100)"];
        Assert.Equal(60, homemaker.Count);
        AssertClose(46.383333333333333, homemaker.Mean, "Homemaker mean");
        Assert.Equal(45.5, homemaker.Median);
    }

    [Fact]
    public void HistogramBinCountMatchesNumpyFd()
    {
        // numpy: np.histogram_bin_edges(df['Age'], 'fd').size - 1 == 13 on Customers.csv.
        var h = Eda.Histogram(Datasets.Shop.Load(), "Age");
        Assert.Equal(13, h.Counts.Count);
        Assert.Equal(2000, h.Counts.Sum());
    }
}
