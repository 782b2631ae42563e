using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

public class ProfileCommandTests
{
    [Fact]
    public void PrintsAlignedTablesForPeople()
    {
        var (exit, output, error) = CliRunner.Run("profile", Datasets.Mall.Path);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("Mall_Customers.csv: 200 rows × 5 columns, delimiter ',', 0 missing cells", output);
        // pandas: df['Age'].mean() = 38.85, std = 13.969007331558883 (printed with 4 decimals).
        var age = output.Split('\n').Single(l => l.StartsWith("Age "));
        Assert.Contains("38.85", age);
        Assert.Contains("13.969", age);
        Assert.Matches(@"Genre\s+text\s+0\s+200\s+2\s+Female\s+112", output);
        var lines = output.Split('\n');
        var headerLine = lines.First(l => l.StartsWith("column") && l.Contains("mean"));
        var ageLine = lines.First(l => l.StartsWith("Age "));
        // Right-aligned numeric columns end at the same position as their header.
        Assert.Equal(headerLine.IndexOf("max", StringComparison.Ordinal) + 3, ageLine.TrimEnd().Length);
    }

    [Fact]
    public void PrintsStableJsonForMachines()
    {
        var (exit, output, _) = CliRunner.Run("profile", Datasets.Shop.Path, "--json");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2000, root.GetProperty("rows").GetInt32());
        Assert.Equal(",", root.GetProperty("delimiter").GetString());
        var columns = root.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(8, columns.Count);
        var profession = columns.Single(c => c.GetProperty("name").GetString() == "Profession");
        Assert.Equal("text", profession.GetProperty("type").GetString());
        Assert.Equal(35, profession.GetProperty("missing").GetInt32());
        Assert.Equal("Artist", profession.GetProperty("top").GetString());
        var income = columns.Single(c => c.GetProperty("name").GetString() == "Annual Income ($)");
        Assert.Equal("integer", income.GetProperty("type").GetString());
        Assert.Equal(0, income.GetProperty("min").GetDouble());
        Assert.True(income.TryGetProperty("p75", out _));
        Assert.Equal(35, root.GetProperty("missing").GetProperty("total").GetInt32());
        Assert.Equal(35, root.GetProperty("missing").GetProperty("by_column").GetProperty("Profession").GetInt32());
    }

    [Fact]
    public void TabSeparatedFileIsSniffed()
    {
        var (exit, output, _) = CliRunner.Run("profile", Datasets.MarketingCampaign.Path);
        Assert.Equal(0, exit);
        Assert.Contains("2240 rows × 29 columns, delimiter tab, 24 missing cells", output);
    }

    [Fact]
    public void MissingFileExitsTwoWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "smartpulse-nope", "x.csv");
        var (exit, output, error) = CliRunner.Run("profile", path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(path, error);
    }

    [Fact]
    public void RaggedFileExitsTwoWithTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartpulse-ragged-{Environment.ProcessId}.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");
        try
        {
            var (exit, _, error) = CliRunner.Run("profile", path);
            Assert.Equal(2, exit);
            Assert.Contains("line 3", error);
            Assert.Contains("expected 2 fields", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        Assert.Equal(2, CliRunner.Run("profile").Exit);
        Assert.Equal(2, CliRunner.Run("profile", "x.csv", "--bogus").Exit);
        Assert.Equal(2, CliRunner.Run("no-such-command").Exit);
    }
}
