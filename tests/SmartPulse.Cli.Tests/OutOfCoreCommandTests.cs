using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;

namespace SmartPulse.Cli.Tests;

/// <summary>segment/score streamed in blocks (--out-of-core), --float32, Parquet output over several row groups, and the shared data options.</summary>
public sealed class OutOfCoreCommandTests : IDisposable
{
    private const int Rows = 250_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-ooc-").FullName;
    private readonly string _data;

    public OutOfCoreCommandTests()
    {
        // 250,000 rows (more than one 131,072-row Parquet row group), two blobs, an id and a text column.
        var random = new Random(3);
        var text = new StringBuilder("id,x,y,city\n");
        for (var r = 0; r < Rows; r++)
        {
            var c = r % 2 == 0 ? 0.0 : 9.0;
            text.Append(CultureInfo.InvariantCulture, $"{r:D7},{c + random.NextDouble():0.###},{c + random.NextDouble():0.###},{(r % 3 == 0 ? "\"=Lyon, FR\"" : "Oslo")}\n");
        }

        _data = Path.Combine(_dir, "big.csv");
        File.WriteAllText(_data, text.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task OutOfCoreSegmentEqualsTheColumnarPathAndParquetRoundTripsOverRowGroups()
    {
        var csvOut = Path.Combine(_dir, "columnar.csv");
        var (exit, json, err) = CliRunner.Run("segment", _data, "--features", "x,y", "--k", "2", "--restarts", "1", "--out", csvOut, "--json");
        Assert.True(exit == 0, err);
        var parquetOut = Path.Combine(_dir, "streamed.parquet");
        var model = Path.Combine(_dir, "m.zip");
        var (exit2, json2, err2) = CliRunner.Run("segment", _data, "--features", "x,y", "--k", "2", "--restarts", "1", "--out-of-core", "--sample", "300000", "--out", parquetOut, "--model", model, "--json");
        Assert.True(exit2 == 0, err2);
        Assert.Equal(Inertia(json), Inertia(json2));

        var columnar = Analysis.Data.ColumnarReader.Read(csvOut);
        var streamed = Analysis.Data.ColumnarReader.Read(parquetOut);
        Assert.Equal(Rows, streamed.Rows);
        Assert.Equal(["id", "x", "y", "city", "model_x", "model_y", "Segment"], streamed.Columns.Select(c => c.Name));
        Assert.Equal(columnar.Numbers("Segment"), streamed.Numbers("Segment"));
        Assert.Equal(columnar.Numbers("model_x"), streamed.Numbers("model_x"));
        await using (var file = File.OpenRead(parquetOut))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.Equal(2, reader.RowGroupCount);
        }

        // Text is written as read in Parquet (no spreadsheet neutralisation); the CSV neutralises and quotes it.
        Assert.Equal("=Lyon, FR", streamed.ToDataFrame()["city"][0]);
        Assert.StartsWith("id,x,y,city,model_x,model_y,Segment\n0000000,", File.ReadAllText(csvOut)[..60].Replace("\r", ""));
        Assert.Contains(",\"'=Lyon, FR\",", File.ReadLines(csvOut).Skip(1).First());

        // Streamed scoring of the same file gives the fit's labels, as CSV and as Parquet.
        var scored = Path.Combine(_dir, "scored.csv");
        var (exit3, scoreJson, err3) = CliRunner.Run("score", "--model", model, _data, "--out", scored, "--out-of-core", "--json");
        Assert.True(exit3 == 0, err3);
        Assert.Contains($"\"scored\": {Rows}", scoreJson);
        Assert.Equal(columnar.Numbers("Segment"), Analysis.Data.ColumnarReader.Read(scored).Numbers("Segment"));
        var scoredParquet = Path.Combine(_dir, "scored.pq");
        (exit3, _, err3) = CliRunner.Run("score", "--model", model, csvOut, "--out", scoredParquet, "--out-of-core", "--out-format", "parquet");
        Assert.True(exit3 == 0, err3);
        Assert.Equal(columnar.Numbers("Segment"), Analysis.Data.ColumnarReader.Read(scoredParquet).Numbers("Segment"));
    }

    [Fact]
    public void Float32AgreesWithFloat64AndMiniBatchStreams()
    {
        var (exit, json, err) = CliRunner.Run("segment", _data, "--features", "x,y", "--k", "2", "--restarts", "1", "--out-of-core", "--json");
        Assert.True(exit == 0, err);
        var (exit2, json2, err2) = CliRunner.Run("segment", _data, "--features", "x,y", "--k", "2", "--restarts", "1", "--float32", "--json");
        Assert.True(exit2 == 0, err2);
        Assert.Equal(Inertia(json), Inertia(json2), Inertia(json) * 1e-5);
        var (exit3, json3, err3) = CliRunner.Run("segment", _data, "--features", "x,y", "--k", "2", "--restarts", "1", "--out-of-core", "--mini-batch", "1024", "--json");
        Assert.True(exit3 == 0, err3);
        Assert.InRange(Inertia(json3) / Inertia(json), 0.999, 1.01);
    }

    [Fact]
    public void SharedDataOptionsCheckTheInputAndTheSeparator()
    {
        var semi = Path.Combine(_dir, "semi.txt");
        File.WriteAllText(semi, "a;b\n1;2\n3;4\n5;9\n");
        var (exit, _, err) = CliRunner.Run("segment", semi, "--features", "a,b", "--k", "2", "--sep", ";", "--input-format", "parquet");
        Assert.Equal(2, exit);
        Assert.Contains("does not start with Parquet's PAR1 magic bytes", err);
        (exit, _, err) = CliRunner.Run("segment", semi, "--features", "a,b", "--k", "2", "--sep", ";", "--input-format", "csv");
        Assert.True(exit == 0, err);
        (exit, _, err) = CliRunner.Run("score", "--model", "none.zip", semi, "--out", Path.Combine(_dir, "o.csv"), "--sep", "#");
        Assert.Equal(2, exit);
        Assert.Contains("--sep '#' is not supported", err);
    }

    private static double Inertia(string json) => JsonDocument.Parse(json).RootElement.GetProperty("inertia").GetDouble();
}
