using System.IO.Compression;
using System.Text;
using SmartPulse.Cli;
using SmartPulse.Cli.Output;

namespace SmartPulse.Cli.Tests;

/// <summary>profile/segment/score on .csv.gz and mixed-type input; the progress bar never reaches --json output.</summary>
public sealed class ScaleDataPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-scale-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ProgressBarIsSilentUnderJsonAndDrawsOnATerminalOtherwise()
    {
        var err = new StringWriter();
        var console = new CliConsole(new StringWriter(), err);
        using (var bar = ProgressBar.For(console, json: true, "reading", isTerminal: true, TimeSpan.Zero))
        {
            Assert.False(bar.Enabled);
            bar.Report(50, 100);
        }

        Assert.Equal("", err.ToString());
        using (var bar = ProgressBar.For(console, json: false, "reading", isTerminal: true, TimeSpan.Zero))
        {
            bar.Report(50, 100);
        }

        Assert.Contains("reading [###############", err.ToString());
        Assert.Contains("50.0%", err.ToString());
    }

    [Fact]
    public void ProfileJsonOnGzipHasNoProgressTextAndNotesTheNonNumericValue()
    {
        var path = Path.Combine(_dir, "c.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes("age,income\n20,\"1,200\"\n30,800\n"));
        }

        var (exit, stdout, stderr) = CliRunner.Run("profile", path, "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("{", stdout.TrimStart());
        Assert.Contains("\"first_non_numeric\"", stdout);
        Assert.Contains("\"line\": 2", stdout);

        (exit, stdout, _) = CliRunner.Run("profile", path, "--thousands", ",");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("note:", stdout);
        Assert.Contains("income  integer", stdout);
    }

    [Fact]
    public void SegmentOnTextInANumericFeatureExitsTwoNamingFileLineColumnValueAndFix()
    {
        var path = Path.Combine(_dir, "t.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,abc\n4,5\n");
        var (exit, _, stderr) = CliRunner.Run("segment", path, "--features", "a,b", "--k", "2");
        Assert.Equal(2, exit);
        Assert.Contains($"{path}, line 3, column 'b': value 'abc' is not a number", stderr);
        Assert.Contains("--decimal ,", stderr);
        Assert.Contains("exclude the column", stderr);
    }

    [Fact]
    public void SegmentAndScoreWriteParquetThatReadsBack()
    {
        var data = Path.Combine(_dir, "toy.csv");
        File.WriteAllText(data, "id,x,y\n1,1,1\n2,1.2,0.9\n3,8,8\n4,8.1,7.9\n5,0.9,1.1\n6,7.9,8.2\n");
        var seg = Path.Combine(_dir, "seg.parquet");
        var model = Path.Combine(_dir, "m.zip");
        var (exit, _, err) = CliRunner.Run("segment", data, "--features", "x,y", "--k", "2", "--out", seg, "--model", model);
        Assert.True(exit == 0, err);
        var table = Analysis.Data.ColumnarReader.Read(seg);
        Assert.Equal('\0', table.Delimiter);
        Assert.Equal(["id", "x", "y", "model_x", "model_y", "Segment"], table.Columns.Select(c => c.Name));
        var segments = table.Numbers("Segment");
        Assert.Equal(segments[0], segments[1]);
        Assert.NotEqual(segments[0], segments[2]);

        var scored = Path.Combine(_dir, "scored.parquet");
        (exit, _, err) = CliRunner.Run("score", "--model", model, seg, "--out", scored);
        Assert.True(exit == 0, err);
        Assert.Equal(segments, Analysis.Data.ColumnarReader.Read(scored).Numbers("Segment"));
    }
}
