using System.Security.Cryptography;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

/// <summary>
/// Issue 16 items 1, 2 and 6 through the command line: an output that is an input, a device, a
/// folder or a read-only file is refused with exit 2, a message naming the flag, and the file
/// byte-identical; with --json the error is one JSON object.
/// </summary>
[Collection(RunCommandCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputSafetyTests : IDisposable
{
    private const string Features = "Annual Income (k$),Spending Score (1-100)";
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-safety-").FullName;

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(f, FileAttributes.Normal);
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string PathIn(string name) => Path.Combine(_dir, name);

    private string CopyMall()
    {
        var path = PathIn("customers.csv");
        File.Copy(Datasets.Mall.Path, path);
        return path;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void SegmentRefusesOutEqualToTheInputEvenThroughALinkAndLeavesItByteIdentical()
    {
        var input = CopyMall();
        var before = Hash(input);
        var link = PathIn("alias.csv");
        File.CreateSymbolicLink(link, input);
        foreach (var output in new[] { input, link, Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "customers.csv") })
        {
            var (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", output);
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: --out {output} is the input data ({input}); writing it would destroy the input. Change --out to another file.", err, StringComparison.Ordinal);
            Assert.Equal(before, Hash(input));
        }
    }

    [Fact]
    public void SegmentRefusesModelEqualToTheInputOrToOut()
    {
        var input = CopyMall();
        var before = Hash(input);
        var (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--model", input);
        Assert.Equal(2, exit);
        Assert.Contains("--model", err, StringComparison.Ordinal);
        Assert.Contains("is the input data", err, StringComparison.Ordinal);
        Assert.Equal(before, Hash(input));

        var same = PathIn("same.out");
        (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", same, "--model", same);
        Assert.Equal(2, exit);
        Assert.Contains($"--model {same} is the --out file", err, StringComparison.Ordinal);
        Assert.False(File.Exists(same));
    }

    [Fact]
    public void ScoreRefusesOutEqualToTheModelOrTheInput()
    {
        var input = CopyMall();
        var model = PathIn("model.zip");
        Assert.Equal(0, CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--model", model).Exit);
        var modelHash = Hash(model);
        var inputHash = Hash(input);
        var (exit, _, err) = CliRunner.Run("score", "--model", model, input, "--out", model);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out {model} is the model ({model})", err, StringComparison.Ordinal);
        (exit, _, err) = CliRunner.Run("score", "--model", model, input, "--out", input);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out {input} is the input data ({input})", err, StringComparison.Ordinal);
        Assert.Equal(modelHash, Hash(model));
        Assert.Equal(inputHash, Hash(input));
    }

    [Fact]
    public void SegmentRefusesADeviceAFolderAndAReadOnlyFileUnlessForced()
    {
        var input = CopyMall();
        var (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", "/dev/null");
        Assert.Equal(2, exit);
        Assert.StartsWith("error: --out: /dev/null is a device, not a regular file", err, StringComparison.Ordinal);

        (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--model", _dir);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --model: {_dir} is a folder", err, StringComparison.Ordinal);

        var locked = PathIn("locked.csv");
        File.WriteAllText(locked, "keep me\n");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", locked);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out: {locked} is read-only; pass --force to replace it", err, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(locked));

        (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", locked, "--force");
        Assert.True(exit == 0, err);
        Assert.StartsWith("CustomerID,", File.ReadAllText(locked), StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentWritesThroughASymlinkedOut()
    {
        var input = CopyMall();
        var target = PathIn("real.csv");
        File.WriteAllText(target, "old");
        var link = PathIn("link.csv");
        File.CreateSymbolicLink(link, target);
        var (exit, _, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", link);
        Assert.True(exit == 0, err);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("CustomerID,", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonErrorsAreOneObjectWithEveryKey()
    {
        var input = CopyMall();
        var (exit, output, err) = CliRunner.Run("segment", input, "--features", Features, "--k", "3", "--out", input, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("", err);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["error", "file", "line", "column", "hint"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(input, root.GetProperty("file").GetString());
        Assert.StartsWith("--out ", root.GetProperty("error").GetString(), StringComparison.Ordinal);

        (exit, output, _) = CliRunner.Run("segment", input, "--json");
        Assert.Equal(2, exit);
        root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Option '--features' is required.", root.GetProperty("error").GetString());
        Assert.Equal("Run 'smartpulse segment --help' for usage.", root.GetProperty("hint").GetString());

        (exit, output, _) = CliRunner.Run("segment", PathIn("missing.csv"), "--features", Features, "--json");
        Assert.Equal(2, exit);
        Assert.Equal(PathIn("missing.csv"), JsonDocument.Parse(output).RootElement.GetProperty("file").GetString());

        (exit, output, _) = CliRunner.Run("segment", input, "--features", Features, "--k", "900", "--json");
        Assert.Equal(2, exit);
        Assert.Equal("k must be between 1 and the number of rows (200); got 900.", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());

        (exit, output, _) = CliRunner.Run("profile", PathIn("missing.csv"), "--json");
        Assert.Equal(2, exit);
        Assert.True(JsonDocument.Parse(output).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public void KLargerThanTheDistinctPointsGivesJsonWithWarningsNotASerializerCrash()
    {
        var input = PathIn("dup.csv");
        File.WriteAllText(input, "a,b\n1,1\n1,1\n2,2\n2,2\n");
        var (exit, output, err) = CliRunner.Run("segment", input, "--features", "a,b", "--k", "3", "--json");
        Assert.True(exit == 0, err);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal([2, 2, 0], root.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Only 2 distinct rows for K = 3", StringComparison.Ordinal));
    }

    [Fact]
    public void RunRefusesOutEqualToTheNotebooksOwnFolder()
    {
        var notebook = PathIn("nb.ipynb");
        File.WriteAllText(notebook, """
            {"cells":[{"cell_type":"code","id":"a","metadata":{},"execution_count":null,"outputs":[],"source":["1+1"]}],
             "metadata":{"kernelspec":{"name":".net-csharp","display_name":".NET (C#)","language":"C#"}},"nbformat":4,"nbformat_minor":5}
            """);
        var before = Hash(notebook);
        foreach (var output in new[] { _dir, _dir + "/.", Path.Combine(_dir, "..", Path.GetFileName(_dir)) })
        {
            var (exit, _, err) = CliRunner.Run("run", notebook, "--out", output, "-p", "x", "1");
            Assert.Equal(2, exit);
            Assert.Contains($"onto the source notebook {notebook}. Change --out to another folder, or pass --inplace", err, StringComparison.Ordinal);
            Assert.Equal(before, Hash(notebook));
        }

        var folderRun = CliRunner.Run("run", _dir, "--out", _dir);
        Assert.Equal(2, folderRun.Exit);
        Assert.Equal(before, Hash(notebook));
    }
}
