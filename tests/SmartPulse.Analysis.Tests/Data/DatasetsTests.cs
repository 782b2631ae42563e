using System.Security.Cryptography;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Data;

public class DatasetsTests
{
    // The same values are listed in data/README.md; `sha256sum data/*.csv` reproduces them.
    [Theory]
    [InlineData("Mall_Customers.csv", "293887b3a8de822afa42629d01c2679006adcc8269890b19eba1ff8ab4a49075")]
    [InlineData("Customers.csv", "a967fcacdc9d15b8c5c49646b114472df9d285030218d883ca4313b9f4e400ee")]
    [InlineData("marketing_campaign.csv", "cd0affa36b1b981e80ba0e27767e9b3ab723f7a3dba948f722af81abc6b990ea")]
    [InlineData("ifood_df.csv", "7071fa1c02d5f91169480377998870cf94f7b4f1c4cb5f5b0a181535108ce592")]
    public void DataFilesAreByteIdenticalToTheSources(string file, string sha256)
    {
        var bytes = File.ReadAllBytes(DataDirectory.Resolve(file));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        // The copy that travels inside SmartPulse.Analysis is the same bytes.
        Assert.Equal(sha256, BundledData.Sha256(file));
    }

    [Fact]
    public void OutsideTheRepositoryTheBundledCopiesAreUsedAndTheVariableStillOverrides()
    {
        var outside = Directory.CreateTempSubdirectory("smartpulse-outside-").FullName;
        try
        {
            Assert.Equal(["Customers.csv", "Mall_Customers.csv", "ifood_df.csv", "marketing_campaign.csv"], BundledData.FileNames);
            var path = DataDirectory.Resolve("Mall_Customers.csv", [outside]);
            Assert.Contains(Path.Combine("SmartPulse", "data"), path, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoData, "Mall_Customers.csv")), File.ReadAllBytes(path));

            // A damaged cached copy is replaced, never read.
            File.WriteAllText(path, "CustomerID\n1\n");
            Assert.Equal(path, DataDirectory.Resolve("Mall_Customers.csv", [outside]));
            Assert.Equal("293887b3a8de822afa42629d01c2679006adcc8269890b19eba1ff8ab4a49075", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));

            // Copying writes the four files byte-identical; an existing different file needs overwrite.
            var copied = BundledData.CopyTo(Path.Combine(outside, "data"));
            Assert.Equal(4, copied.Count);
            Assert.All(copied, p => Assert.Equal(BundledData.Sha256(Path.GetFileName(p)), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p)))));
            File.WriteAllText(copied[0], "changed");
            Assert.Throws<IOException>(() => BundledData.CopyTo(Path.Combine(outside, "data")));
            BundledData.CopyTo(Path.Combine(outside, "data"), overwrite: true);
            Assert.Equal(BundledData.Sha256("Customers.csv"), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(copied[0]))));

            // SMARTPULSE_DATA wins over both (pointed at identical copies: tests running alongside read the same bytes).
            BundledData.CopyTo(Path.Combine(outside, "data"), overwrite: true);
            var before = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
            try
            {
                Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, Path.Combine(outside, "data"));
                Assert.Equal(Path.Combine(outside, "data", "Mall_Customers.csv"), DataDirectory.Resolve("Mall_Customers.csv", [outside]));
            }
            finally
            {
                Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, before);
            }

            // Unknown files still fail with the list of bundled ones.
            var e = Assert.Throws<FileNotFoundException>(() => DataDirectory.Resolve("nope.csv", [outside]));
            Assert.Contains("Mall_Customers.csv", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private static string RepoData => Path.GetDirectoryName(DataDirectory.Resolve("Mall_Customers.csv"))!;

    [Fact]
    public void DataReadmeListsEveryChecksum()
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(DataDirectory.Resolve("Mall_Customers.csv"))!, "README.md"));
        foreach (var dataset in Datasets.All)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dataset.Path)));
            Assert.Contains(sha, readme);
            Assert.Contains(dataset.FileName, readme);
        }
    }

    [Theory]
    [InlineData("Mall_Customers.csv", 200, 5)]
    [InlineData("Customers.csv", 2000, 8)]
    [InlineData("marketing_campaign.csv", 2240, 29)]
    [InlineData("ifood_df.csv", 2205, 39)]
    public void EachDatasetLoadsWithItsShape(string file, int rows, int columns)
    {
        var dataset = Datasets.All.Single(d => d.FileName == file);
        var frame = dataset.Load();
        Assert.Equal(rows, frame.Rows.Count);
        Assert.Equal(columns, frame.Columns.Count);
        Assert.Equal(dataset.Columns.Select(c => c.Name), frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void MallKeepsZeroPaddedIdsAndTypedNumbers()
    {
        var frame = Datasets.Mall.Load();
        Assert.Equal("0001", frame["CustomerID"][0]);
        Assert.Equal("0200", frame["CustomerID"][199]);
        Assert.Equal(19L, frame["Age"][0]);
        Assert.Equal(137L, frame["Annual Income (k$)"][199]);
        Assert.Equal("Gender", Datasets.Mall.Column("Genre").Label);
    }

    [Fact]
    public void MarketingCampaignParsesDatesAndCountsMissingIncome()
    {
        var result = Datasets.MarketingCampaign.Read();
        Assert.Equal('\t', result.Delimiter);
        Assert.Equal(new DateTime(2012, 9, 4), result.Frame["Dt_Customer"][0]);
        Assert.Equal(24, result.Columns.Single(c => c.Name == "Income").MissingCount);
        Assert.Equal(24L, result.MissingCells);
        var income = FrameColumns.PresentNumeric(result.Frame["Income"]);
        Assert.Equal(666666.0, income.Max());
        Assert.Equal(1893.0, FrameColumns.PresentNumeric(result.Frame["Year_Birth"]).Min());
    }

    [Fact]
    public void ShopCustomersCountMissingProfessionAndZeroIncome()
    {
        var result = Datasets.Shop.Read();
        Assert.Equal(35, result.Columns.Single(c => c.Name == "Profession").MissingCount);
        Assert.Contains(0.0, FrameColumns.PresentNumeric(result.Frame["Annual Income ($)"]));
        Assert.Contains(0.0, FrameColumns.PresentNumeric(result.Frame["Age"]));
    }

    [Fact]
    public void UnknownDatasetColumnListsTheColumns()
    {
        var ex = Assert.Throws<ArgumentException>(() => Datasets.Mall.Column("Gender"));
        Assert.Contains("Genre", ex.Message);
    }

    [Fact]
    public void MissingDataFileNamesWhereItLooked()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => DataDirectory.Resolve("no_such_dataset.csv"));
        Assert.Contains("no_such_dataset.csv", ex.Message);
        Assert.Contains(DataDirectory.EnvironmentVariable, ex.Message);
    }
}
