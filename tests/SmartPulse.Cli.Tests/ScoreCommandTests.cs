using System.Text.Json;

namespace SmartPulse.Cli.Tests;

/// <summary>Issue 16 item 7: score fills gaps with the training medians and re-scores segment's own output.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-score-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathIn(string name) => Path.Combine(_dir, name);

    private string Fit()
    {
        // Training medians by hand: a = median(1, 2, 3, 10, 11, 12) = 6.5; b = median(1, 1, 2, 9, 9, 10) = 5.5.
        var train = PathIn("train.csv");
        File.WriteAllText(train, "id,a,b\n1,1,1\n2,2,1\n3,3,2\n4,10,9\n5,11,9\n6,12,10\n");
        var model = PathIn("model.zip");
        var (exit, _, err) = CliRunner.Run("segment", train, "--features", "a,b", "--k", "2", "--scale", "none", "--model", model);
        Assert.True(exit == 0, err);
        return model;
    }

    [Fact]
    public void MissingFeatureValuesAreFilledWithTheTrainingMediansAndCounted()
    {
        var model = Fit();
        var input = PathIn("new.csv");
        File.WriteAllText(input, "id,a,b\n7,,1\n8,11,\n9,,\n");
        var before = File.ReadAllBytes(input);
        var output = PathIn("scored.csv");
        var (exit, stdout, err) = CliRunner.Run("score", "--model", model, input, "--out", output);
        Assert.True(exit == 0, err);
        Assert.Contains("imputed 2 missing value(s) of 'a' with the training median 6.5", stdout, StringComparison.Ordinal);
        Assert.Contains("imputed 2 missing value(s) of 'b' with the training median 5.5", stdout, StringComparison.Ordinal);
        // Row 7 → (6.5, 1): centroids (2, 1.33) and (11, 9.33): distance² 20.4 vs 89.7 → the low segment.
        var rows = File.ReadAllLines(output);
        Assert.Equal("id,a,b,model_a,model_b,Segment", rows[0]);
        Assert.Equal("7,,1,6.5,1,", rows[1][..11]);
        Assert.Equal(before, File.ReadAllBytes(input));

        (exit, stdout, _) = CliRunner.Run("score", "--model", model, input, "--out", output, "--json");
        Assert.Equal(0, exit);
        var imputed = JsonDocument.Parse(stdout).RootElement.GetProperty("imputed");
        Assert.Equal(2, imputed.GetProperty("a").GetInt32());
        Assert.Equal(2, imputed.GetProperty("b").GetInt32());
    }

    [Fact]
    public void SegmentsOwnOutputIsScoredByReplacingItsSegmentColumns()
    {
        var model = Fit();
        var segmented = PathIn("segmented.csv");
        var (exit, _, err) = CliRunner.Run("segment", PathIn("train.csv"), "--features", "a,b", "--k", "2", "--scale", "none", "--out", segmented);
        Assert.True(exit == 0, err);
        var rescored = PathIn("rescored.csv");
        var (scoreExit, stdout, scoreErr) = CliRunner.Run("score", "--model", model, segmented, "--out", rescored);
        Assert.True(scoreExit == 0, scoreErr);
        Assert.Contains("note: segmented.csv already has segment columns (model_a, model_b, Segment), as 'segment --out' writes them; they were replaced by this model's.", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(segmented), File.ReadAllText(rescored));
    }
}
