using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

public sealed class SegmentCommandTests : IDisposable
{
    private const string MallFeatures = "Annual Income (k$),Spending Score (1-100)";
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-segment-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathIn(string name) => Path.Combine(_dir, name);

    [Fact]
    public void MallKMeansPrintsTheClassicFiveSegmentsAsJson()
    {
        var (exit, output, error) = CliRunner.Run("segment", Datasets.Mall.Path, "--features", MallFeatures, "--k", "5", "--scale", "none", "--json");
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(5, root.GetProperty("k").GetInt32());
        // scikit-learn: KMeans(5, n_init=10, random_state=0) on the two columns → inertia 44448.4554 (published optimum).
        Assert.Equal(44448.4554, root.GetProperty("inertia").GetDouble(), 3);
        Assert.Equal([22, 23, 35, 39, 81], root.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).Order());
        foreach (var key in new[] { "silhouette", "calinski_harabasz", "davies_bouldin", "centroids" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        var centroids = root.GetProperty("centroids").EnumerateArray().ToList();
        Assert.Contains(centroids, c => Math.Abs(c.GetProperty("Annual Income (k$)").GetDouble() - 55.2963) < 1e-3);
    }

    [Fact]
    public void ScoringTheTrainingFileReproducesTheTrainingLabels()
    {
        var segments = PathIn("segments.csv");
        var model = PathIn("model.zip");
        var scored = PathIn("scored.csv");
        var fit = CliRunner.Run("segment", Datasets.Shop.Path, "--features", "Age,Annual Income ($),Spending Score (1-100),Work Experience", "--k", "4", "--out", segments, "--model", model);
        Assert.True(fit.Exit == 0, fit.Err);
        Assert.Contains("segments written to", fit.Out);
        var score = CliRunner.Run("score", "--model", model, Datasets.Shop.Path, "--out", scored);
        Assert.True(score.Exit == 0, score.Err);
        Assert.Equal(File.ReadAllText(segments), File.ReadAllText(scored));
        var header = File.ReadLines(segments).First();
        Assert.Equal("CustomerID,Gender,Age,Annual Income ($),Spending Score (1-100),Profession,Work Experience,Family Size,model_Age,model_Annual Income ($),model_Spending Score (1-100),model_Work Experience,Segment", header);
        Assert.Equal(2001, File.ReadLines(segments).Count());
    }

    [Fact]
    public void AutoKPicksTheRecommendedK()
    {
        var (exit, output, error) = CliRunner.Run("segment", Datasets.Mall.Path, "--features", MallFeatures, "--k", "auto");
        Assert.True(exit == 0, error);
        Assert.Contains("k chosen automatically: 5", output);
    }

    [Fact]
    public void ExportNeutralisesFormulaInjectionButKeepsNumbers()
    {
        var input = PathIn("evil.csv");
        File.WriteAllText(input, "name,x,y\n=HYPERLINK(\"http://x\"),1,-5\n+cmd,2,-6\n@sum,3,7\n-minus,4,8\nplain,5,9\n");
        var output = PathIn("out.csv");
        var (exit, _, error) = CliRunner.Run("segment", input, "--features", "x,y", "--k", "2", "--out", output);
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",1,-5,", lines[1]);
        Assert.StartsWith("'+cmd,2,-6,", lines[2]);
        Assert.StartsWith("'@sum,3,7,", lines[3]);
        Assert.StartsWith("'-minus,4,8,", lines[4]);
        Assert.StartsWith("plain,5,9,", lines[5]);
    }

    [Theory]
    [InlineData("--k", "0", "k must be between 1")]
    [InlineData("--k", "201", "number of rows (200)")]
    [InlineData("--k", "five", "whole number or 'auto'")]
    public void BadKExitsTwo(string option, string value, string message)
    {
        var (exit, _, error) = CliRunner.Run("segment", Datasets.Mall.Path, "--features", MallFeatures, option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public void UnknownFeatureListsTheColumns()
    {
        var (exit, _, error) = CliRunner.Run("segment", Datasets.Mall.Path, "--features", "Income", "--k", "3");
        Assert.Equal(2, exit);
        Assert.Contains("'Income' is not a column", error);
        Assert.Contains("Annual Income (k$)", error);
    }

    [Fact]
    public void TextFeatureWithoutEncoderExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("segment", Datasets.Mall.Path, "--features", "Genre,Age", "--k", "3");
        Assert.Equal(2, exit);
        Assert.Contains("'Genre' holds text", error);
    }

    [Fact]
    public void AllMissingAndConstantDataExitTwo()
    {
        var missing = PathIn("missing.csv");
        File.WriteAllText(missing, "a,b\n1,\n2,\n3,\n");
        var r1 = CliRunner.Run("segment", missing, "--features", "a,b", "--k", "2");
        Assert.Equal(2, r1.Exit);
        Assert.Contains("'b' is missing in every row", r1.Err);
        var constant = PathIn("constant.csv");
        File.WriteAllText(constant, "a,b\n1,2\n1,2\n1,2\n");
        var r2 = CliRunner.Run("segment", constant, "--features", "a,b", "--k", "2");
        Assert.Equal(2, r2.Exit);
        Assert.Contains("nothing to segment", r2.Err);
    }

    [Fact]
    public void ScoringDataWithoutTheFeaturesNamesThem()
    {
        var model = PathIn("model.zip");
        Assert.Equal(0, CliRunner.Run("segment", Datasets.Mall.Path, "--features", MallFeatures, "--k", "5", "--model", model).Exit);
        var other = PathIn("other.csv");
        File.WriteAllText(other, "Age,Income\n30,50\n");
        var (exit, _, error) = CliRunner.Run("score", "--model", model, other, "--out", PathIn("x.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("'Annual Income (k$)'", error);
        Assert.Contains("'Spending Score (1-100)'", error);
        Assert.Contains("Columns found: Age, Income", error);
        Assert.False(File.Exists(PathIn("x.csv")));
    }

    [Fact]
    public void NotAModelExitsTwo()
    {
        var fake = PathIn("fake.zip");
        File.WriteAllText(fake, "not a zip");
        var (exit, _, error) = CliRunner.Run("score", "--model", fake, Datasets.Mall.Path, "--out", PathIn("x.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("not a zip", error);
    }
}
