using System.Text.Json.Nodes;

namespace SmartPulse.Cli.Tests;

/// <summary>Runs a notebook while the process's current directory is the notebook's folder: keep other tests off it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunCommandCollection
{
    public const string Name = "smartpulse run";
}

[Collection(RunCommandCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smartpulse-run-tests", Guid.NewGuid().ToString("N"));

    public RunCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "SmartPulse.Notebooks.Tests", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"fixture {name} not found above {AppContext.BaseDirectory}");
    }

    private string Copy(string name)
    {
        var target = Path.Combine(_dir, name);
        File.Copy(Fixture(name), target, overwrite: true);
        return target;
    }

    private string Out(params string[] parts) => Path.Combine([_dir, "out", .. parts]);

    [Fact]
    public void SucceedingNotebookExitsZeroWithProgressAndSummaryOnStderr()
    {
        var (exit, stdout, stderr) = CliRunner.Run("run", Copy("success.ipynb"), "--out", Out());

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("success.ipynb  cell 4/4  ok", stderr);
        Assert.Contains("1 of 1 notebook(s) succeeded", stderr);
        Assert.True(File.Exists(Out("success.ipynb")));
        Assert.True(File.Exists(Out("run-manifest.json")));
    }

    [Fact]
    public void FailingNotebookExitsOneNamingTheCell()
    {
        var (exit, _, stderr) = CliRunner.Run("run", Copy("failing.ipynb"), "--out", Out());

        Assert.Equal(1, exit);
        Assert.Contains("error: failing.ipynb: cell 2 (id ", stderr);
        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", stderr);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "MISSING")]
    [InlineData("run", "NOTEBOOK", "-p", "alpha")]
    [InlineData("run", "NOTEBOOK", "--timeout", "-1")]
    [InlineData("run", "NOTEBOOK", "--inplace", "--check")]
    public void UsageErrorsExitTwo(params string[] args)
    {
        var notebook = Copy("success.ipynb");
        var resolved = args.Select(a => a switch
        {
            "MISSING" => Path.Combine(_dir, "missing.ipynb"),
            "NOTEBOOK" => notebook,
            _ => a,
        }).Append("--out").Append(Out()).ToArray();

        var (exit, _, stderr) = CliRunner.Run(resolved);

        Assert.Equal(2, exit);
        Assert.Contains("error", stderr);
        Assert.False(File.Exists(Out("success.ipynb")));
    }

    [Fact]
    public void RepeatedParameterOptionsAreInjected()
    {
        var (exit, _, stderr) = CliRunner.Run("run", Copy("parameters.ipynb"), "-p", "alpha", "0.75", "-p", "label", "cli", "--out", Out());

        Assert.True(exit == 0, stderr);
        var notebook = JsonNode.Parse(File.ReadAllText(Out("parameters.ipynb")))!;
        var injected = notebook["cells"]![2]!;
        Assert.Equal("injected-parameters", injected["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("// Parameters\ndouble alpha = 0.75;\nstring label = \"cli\";", string.Concat(injected["source"]!.AsArray().Select(l => l!.GetValue<string>())));
        var printed = string.Concat(notebook["cells"]![3]!["outputs"]![0]!["text"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("alpha=0.75 label=cli clusters=3 verbose=False\n", printed);
    }

    [Fact]
    public void CheckExitsOneOnAChangedOutput()
    {
        var (exit, _, stderr) = CliRunner.Run("run", Copy("changed-output.ipynb"), "--check", "--out", Out());

        Assert.Equal(1, exit);
        Assert.Contains("check: changed-output.ipynb: cell 2", stderr);
    }

    [Fact]
    public void ReportEmbedsPlotlyJsFromPlotlyNetOnceForFigures()
    {
        var notebook = Path.Combine(_dir, "figure.ipynb");
        File.WriteAllText(notebook, """
            {"cells":[{"cell_type":"code","metadata":{},"execution_count":null,"outputs":[],
              "source":["display(\"{\\\"data\\\":[{\\\"type\\\":\\\"bar\\\",\\\"x\\\":[\\\"a\\\",\\\"b\\\"],\\\"y\\\":[1,3]}]}\", \"application/vnd.plotly.v1+json\");"]}],
             "metadata":{},"nbformat":4,"nbformat_minor":5}
            """);
        var report = Path.Combine(_dir, "report");

        var (exit, _, stderr) = CliRunner.Run("run", notebook, Copy("success.ipynb"), "--out", Out(), "--report", report);

        Assert.True(exit == 0, stderr);
        var plotly = File.ReadAllText(Path.Combine(report, "plotly.min.js"));
        Assert.Contains("plotly.js v", plotly);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", File.ReadAllText(Path.Combine(report, "figure.html")));
        Assert.DoesNotContain("plotly.min.js", File.ReadAllText(Path.Combine(report, "success.html")));
        Assert.Single(Directory.GetFiles(report, "*.js"));
    }
}
