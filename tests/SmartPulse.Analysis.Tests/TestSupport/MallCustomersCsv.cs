using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Tests.TestSupport;

/// <summary>
/// Tiny private reader of data/Mall_Customers.csv for the clustering tests (the library's CSV loader
/// is developed separately): CustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100); CRLF.
/// </summary>
internal static class MallCustomersCsv
{
    public const string Age = "Age";
    public const string Income = "Annual Income (k$)";
    public const string Score = "Spending Score (1-100)";

    private static readonly Lazy<(int[] Ids, double[][] Columns)> _data = new(Read);

    /// <summary>The repository root: the folder holding SmartPulse.Notebooks.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"SmartPulse.Notebooks.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>CustomerID per row.</summary>
    public static int[] Ids => _data.Value.Ids;

    /// <summary>The named numeric columns as a feature matrix, unscaled.</summary>
    public static FeatureMatrix Matrix(params string[] columns)
    {
        var source = columns.Select(c => c switch
        {
            Age => _data.Value.Columns[0],
            Income => _data.Value.Columns[1],
            Score => _data.Value.Columns[2],
            _ => throw new ArgumentException($"unknown column {c}"),
        }).ToArray();
        var rows = source[0].Length;
        var values = new double[rows * columns.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                values[(r * columns.Length) + c] = source[c][r];
            }
        }

        return new FeatureMatrix(values, rows, columns);
    }

    /// <summary>The named columns standardised with the population standard deviation (ddof = 0), like StandardScaler.</summary>
    public static FeatureMatrix Standardised(params string[] columns)
    {
        var m = Matrix(columns);
        var d = m.Columns;
        var values = m.Values.ToArray();
        for (var c = 0; c < d; c++)
        {
            var col = m.Column(c);
            var mean = col.Average();
            var sd = Math.Sqrt(col.Select(v => (v - mean) * (v - mean)).Sum() / col.Length);
            for (var r = 0; r < m.Rows; r++)
            {
                values[(r * d) + c] = (values[(r * d) + c] - mean) / sd;
            }
        }

        return new FeatureMatrix(values, m.Rows, columns);
    }

    private static (int[] Ids, double[][] Columns) Read()
    {
        var path = Path.Combine(RepoRoot(), "data", "Mall_Customers.csv");
        var lines = File.ReadAllText(path).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Skip(1).ToArray();
        var ids = new int[lines.Length];
        var columns = new[] { new double[lines.Length], new double[lines.Length], new double[lines.Length] };
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',');
            ids[i] = int.Parse(parts[0], CultureInfo.InvariantCulture);
            for (var c = 0; c < 3; c++)
            {
                columns[c][i] = double.Parse(parts[2 + c], CultureInfo.InvariantCulture);
            }
        }

        return (ids, columns);
    }
}
