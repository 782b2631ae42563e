using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parquet.Serialization;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

/// <summary><c>profile --engine auto|duckdb|stream</c>: same numbers from both engines, the help and the unknown-engine error, and bad input through the profile path.</summary>
public sealed class ProfileEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-profile-engine-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.True(exit == 0, error + output);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void DuckDbAndStreamPrintTheSameProfile()
    {
        var duck = Json("profile", Datasets.Shop.Path, "--engine", "duckdb", "--json");
        var stream = Json("profile", Datasets.Shop.Path, "--engine", "stream", "--json");
        Assert.Equal("duckdb", duck.GetProperty("engine").GetString());
        Assert.Equal(JsonValueKind.Null, duck.GetProperty("engine_note").ValueKind);
        Assert.Equal("stream", stream.GetProperty("engine").GetString());
        Assert.Equal(stream.GetProperty("missing").ToString(), duck.GetProperty("missing").ToString());
        foreach (var (d, s) in duck.GetProperty("columns").EnumerateArray().Zip(stream.GetProperty("columns").EnumerateArray()))
        {
            foreach (var p in s.EnumerateObject())
            {
                var other = d.GetProperty(p.Name);
                if (p.Value.ValueKind == JsonValueKind.Number)
                {
                    // std: DuckDB updates it online, pandas and the streaming reader in two passes — equal to ~1e-14.
                    Assert.Equal(p.Value.GetDouble(), other.GetDouble(), 1e-9 * Math.Max(1, Math.Abs(p.Value.GetDouble())));
                }
                else
                {
                    Assert.Equal(p.Value.ToString(), other.ToString());
                }
            }
        }

        // Small files go to the streaming reader under auto (the default).
        Assert.Equal("stream", Json("profile", Datasets.Shop.Path, "--json").GetProperty("engine").GetString());
    }

    [Fact]
    public void UnknownEngineExitsTwoListingTheValidOnesAndHelpDocumentsThem()
    {
        var (exit, output, error) = CliRunner.Run("profile", Datasets.Mall.Path, "--engine", "spark");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--engine 'spark'", error);
        Assert.Contains("auto, duckdb, stream", error);
        (exit, output, _) = CliRunner.Run("profile", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--engine", output);
        Assert.Contains("duckdb", output);
        Assert.Contains("16 MiB", output);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("stream")]
    public void MalformedRowDeepInTheFileNamesLineAndColumn(string engine)
    {
        var sb = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 60000; i++)
        {
            sb.Append(i).Append(",2,3\n");
        }

        sb.Append("1,2\n");
        var path = Path.Combine(_dir, "deep.csv");
        File.WriteAllText(path, sb.ToString());
        var (exit, output, _) = CliRunner.Run("profile", path, "--engine", engine, "--json");
        Assert.Equal(2, exit);
        var error = JsonDocument.Parse(output).RootElement;
        Assert.Equal(60002, error.GetProperty("line").GetInt32());
        Assert.Equal("b", error.GetProperty("column").GetString());
        Assert.Contains("expected 3 fields", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("stream")]
    public void TruncatedGzipIsAClearError(string engine)
    {
        var path = Path.Combine(_dir, "cut.csv.gz");
        using (var memory = new MemoryStream())
        {
            using (var gz = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var i = 0; i < 30000; i++)
                {
                    gz.Write(Encoding.UTF8.GetBytes(i == 0 ? "a,b\n" : $"{i},{i * 7 % 13}\n"));
                }
            }

            var bytes = memory.ToArray();
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }

        var (exit, _, error) = CliRunner.Run("profile", path, "--engine", engine);
        Assert.Equal(2, exit);
        Assert.Contains(path, error);
        Assert.Contains("truncated", error);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("stream")]
    public async Task ParquetWithAnUnsupportedColumnNamesTheColumnAndItsType(string engine)
    {
        var path = Path.Combine(_dir, "nested.parquet");
        await ParquetSerializer.SerializeAsync(new[] { new Tagged { Id = 1, Tags = ["a", "b"] } }, path);
        var (exit, output, _) = CliRunner.Run("profile", path, "--engine", engine, "--json");
        Assert.Equal(2, exit);
        var error = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Tags", error.GetProperty("column").GetString());
        Assert.Contains("List", error.GetProperty("error").GetString());
        Assert.Contains("not supported", error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("stream")]
    public void MixedTypesReportTheFirstOffendingValueAndLine(string engine)
    {
        // DuckDB sniffs the first 20,480 rows as numbers and meets 'n/k' on line 25,002: it hands over, and says so.
        var sb = new StringBuilder("id,spend\n");
        for (var i = 0; i < 25000; i++)
        {
            sb.Append(i).Append(',').Append(i % 100).Append(".5\n");
        }

        sb.Append("25000,n/k\n25001,7.5\n");
        var path = Path.Combine(_dir, "mixed.csv");
        File.WriteAllText(path, sb.ToString());
        var root = Json("profile", path, "--engine", engine, "--json");
        Assert.Equal("stream", root.GetProperty("engine").GetString());
        var spend = root.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "spend");
        Assert.Equal("text", spend.GetProperty("type").GetString());
        Assert.Equal("n/k", spend.GetProperty("first_non_numeric").GetProperty("value").GetString());
        Assert.Equal(25002, spend.GetProperty("first_non_numeric").GetProperty("line").GetInt32());
        if (engine == "duckdb")
        {
            Assert.StartsWith("DuckDB declined: ", root.GetProperty("engine_note").GetString());
        }
    }

    internal sealed class Tagged
    {
        public int Id { get; set; }

        public List<string> Tags { get; set; } = [];
    }
}
