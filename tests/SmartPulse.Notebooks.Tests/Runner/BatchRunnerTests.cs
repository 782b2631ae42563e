using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class BatchRunnerTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<(BatchOutcome Outcome, string Log)> Run(BatchRunOptions options)
    {
        var log = new StringWriter();
        var outcome = await BatchRunner.RunAsync(options with { Run = await TestKernel.With(options.Run), OutputDirectory = options.OutputDirectory == BatchDefaults.OutputDirectory ? _files.PathOf("out") : options.OutputDirectory }, log);
        return (outcome, log.ToString());
    }

    private static readonly BatchRunOptions BatchDefaults = new();

    private Notebook Output(string name) => NotebookFile.Load(_files.PathOf("out", name));

    [Fact]
    public async Task PlainNotebookSucceedsWithOutputsAndCountsOneToN()
    {
        var source = _files.Copy("success.ipynb");
        var sourceBytes = File.ReadAllBytes(source);

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source] });

        Assert.Equal(BatchOutcome.Succeeded, outcome);
        Assert.Equal(sourceBytes, File.ReadAllBytes(source));
        var nb = Output("success.ipynb");
        var code = nb.Cells.Where(c => c.CellType == CellType.Code).ToList();
        Assert.Equal([1, 2, 3], code.Select(c => c.ExecutionCount ?? 0));
        Assert.Equal("count 3\n", Assert.Single(code[0].Outputs).Text);
        Assert.Equal("6", code[1].Outputs[0].PlainText());
        Assert.Equal(CellOutput.DisplayDataType, code[1].Outputs[0].OutputType);
        Assert.Equal(CellOutput.ExecuteResultType, code[1].Outputs[1].OutputType);
        Assert.Equal("[ 10, 20, 30 ]", code[1].Outputs[1].PlainText());
        Assert.Equal(("stderr", "a warning\n"), (code[2].Outputs[0].Name, code[2].Outputs[0].Text));
        Assert.Equal("done", code[2].Outputs[1].PlainText());
        Assert.Contains("success.ipynb  cell 2/4  ok", log);
        Assert.Contains("success.ipynb      3/3  ok", log);

        var manifest = JsonNode.Parse(File.ReadAllText(_files.PathOf("out", BatchRunner.ManifestFileName)))!;
        Assert.True(manifest["succeeded"]!.GetValue<bool>());
        Assert.Equal(3, manifest["notebooks"]![0]!["cells"]!.AsArray().Count);
        Assert.DoesNotContain("seconds", File.ReadAllText(_files.PathOf("out", "success.ipynb")));
    }

    [Fact]
    public async Task RunningTwiceGivesByteIdenticalNotebooks()
    {
        var source = _files.Copy("success.ipynb");
        var failing = _files.Copy("failing.ipynb");
        await Run(new BatchRunOptions { Paths = [source, failing], OutputDirectory = _files.PathOf("first") });
        await Run(new BatchRunOptions { Paths = [source, failing], OutputDirectory = _files.PathOf("second") });

        foreach (var name in new[] { "success.ipynb", "failing.ipynb" })
        {
            Assert.Equal(File.ReadAllBytes(_files.PathOf("first", name)), File.ReadAllBytes(_files.PathOf("second", name)));
        }
    }

    [Fact]
    public async Task OutputsManifestAndConsoleDoNotDependOnJobs()
    {
        var paths = new[] { _files.Copy("success.ipynb"), _files.Copy("failing.ipynb"), _files.Copy("compile-error.ipynb") };
        var (one, oneLog) = await Run(new BatchRunOptions { Paths = paths, OutputDirectory = _files.PathOf("jobs1"), Jobs = 1 });
        var (three, threeLog) = await Run(new BatchRunOptions { Paths = paths, OutputDirectory = _files.PathOf("jobs3"), Jobs = 3 });

        Assert.Equal(one, three);
        foreach (var name in new[] { "success.ipynb", "failing.ipynb", "compile-error.ipynb" })
        {
            Assert.Equal(File.ReadAllBytes(_files.PathOf("jobs1", name)), File.ReadAllBytes(_files.PathOf("jobs3", name)));
        }

        static string WithoutTimings(string text, string folder) => System.Text.RegularExpressions.Regex.Replace(
            text.Replace(folder, "OUT", StringComparison.Ordinal), @" *\d+\.\d+( s)?", " T");
        Assert.Equal(WithoutTimings(oneLog, _files.PathOf("jobs1")), WithoutTimings(threeLog, _files.PathOf("jobs3")));
        Assert.Equal(
            WithoutTimings(File.ReadAllText(_files.PathOf("jobs1", BatchRunner.ManifestFileName)), _files.PathOf("jobs1")),
            WithoutTimings(File.ReadAllText(_files.PathOf("jobs3", BatchRunner.ManifestFileName)), _files.PathOf("jobs3")));
    }

    [Fact]
    public async Task FailingCellStopsTheRunAndAddsABanner()
    {
        var source = _files.Copy("failing.ipynb");

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source] });

        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Contains("error: failing.ipynb: cell 2 (id ", log);
        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", log);
        var nb = Output("failing.ipynb");
        var banner = nb.Cells[0];
        Assert.True(banner.HasTag(NotebookRunner.ErrorBannerTag));
        Assert.Contains("An exception was encountered at cell 2 (In [2]", banner.Source);
        var error = Assert.Single(nb.Cells[2].Outputs);
        Assert.Equal("System.InvalidOperationException", error.ErrorName);
        Assert.Equal("Sequence contains no elements", error.ErrorValue);
        Assert.Contains(error.Traceback, l => l.Contains("in cell 2:line 3", StringComparison.Ordinal));
        Assert.Null(nb.Cells[3].ExecutionCount);
        Assert.Empty(nb.Cells[3].Outputs);
    }

    [Fact]
    public async Task RerunningAnExecutedNotebookKeepsOneBannerAndOneInjectedCell()
    {
        var source = _files.Copy("failing.ipynb");
        var options = new BatchRunOptions { Paths = [source], Run = new NotebookRunOptions { Parameters = [new("seed", "1")], AllowUnknownParameters = true } };
        await Run(options);
        var first = File.ReadAllBytes(_files.PathOf("out", "failing.ipynb"));

        var again = _files.PathOf("again", "failing.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(again)!);
        File.WriteAllBytes(again, first);
        await Run(options with { Paths = [again], OutputDirectory = _files.PathOf("out2") });

        var nb = NotebookFile.Load(_files.PathOf("out2", "failing.ipynb"));
        Assert.Single(nb.Cells, c => c.HasTag(NotebookRunner.ErrorBannerTag));
        Assert.Single(nb.Cells, c => c.HasTag(PapermillParameters.InjectedTag));
        Assert.Equal(first, File.ReadAllBytes(_files.PathOf("out2", "failing.ipynb")));
    }

    [Fact]
    public async Task AnotherKernelsCellGetsANotSupportedErrorAndTheRunGoesOnWhenAsked()
    {
        var path = _files.PathOf("polyglot.ipynb");
        File.WriteAllText(path, """
            {"cells":[
              {"cell_type":"code","metadata":{"polyglot_notebook":{"kernelName":"pwsh"}},"source":["Get-Date"],"outputs":[],"execution_count":null},
              {"cell_type":"code","metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"source":["\"still here\""],"outputs":[],"execution_count":null}],
             "metadata":{"polyglot_notebook":{"kernelInfo":{"defaultKernelName":"csharp"}}},"nbformat":4,"nbformat_minor":4}
            """);

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [path], Run = new NotebookRunOptions { ContinueOnError = true } });

        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Contains("cell 1 (id ", log);
        var nb = Output("polyglot.ipynb");
        var error = Assert.Single(nb.Cells[1].Outputs);
        Assert.Equal(SmartPulse.Notebooks.Execution.ErrorOutputs.UnsupportedKernel, error.ErrorName);
        Assert.Contains("unknown kernel 'pwsh'", error.ErrorValue);
        Assert.Equal("pwsh", nb.Cells[1].KernelName);
        Assert.Equal("still here", Assert.Single(nb.Cells[2].Outputs).PlainText());
    }

    [Fact]
    public async Task ContinueOnErrorRunsTheRemainingCells()
    {
        var source = _files.Copy("failing.ipynb");
        var (outcome, _) = await Run(new BatchRunOptions { Paths = [source], Run = new NotebookRunOptions { ContinueOnError = true } });

        Assert.Equal(BatchOutcome.Failed, outcome);
        var nb = Output("failing.ipynb");
        Assert.Equal(3, nb.Cells[3].ExecutionCount);
        Assert.Equal("never runs\n", Assert.Single(nb.Cells[3].Outputs).Text);
    }

    [Fact]
    public async Task CompileErrorNamesCellRelativeLineAndColumn()
    {
        var source = _files.Copy("compile-error.ipynb");
        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source] });

        Assert.Equal(BatchOutcome.Failed, outcome);
        var error = Assert.Single(Output("compile-error.ipynb").Cells[2].Outputs);
        Assert.Equal(ErrorOutputs.CompilationError, error.ErrorName);
        Assert.Equal("(2,13): error CS0103: The name 'undefinedName' does not exist in the current context", error.ErrorValue);
        Assert.Contains("cell 2 (id ", log);
    }

    [Fact]
    public async Task ParametersAreInjectedAfterTheParametersCellWithPapermillTypes()
    {
        var source = _files.Copy("parameters.ipynb");
        var (outcome, _) = await Run(new BatchRunOptions
        {
            Paths = [source],
            Run = new NotebookRunOptions { Parameters = [new("alpha", "0.9"), new("label", "hi \"there\""), new("clusters", "5"), new("verbose", "True")] },
        });

        Assert.Equal(BatchOutcome.Succeeded, outcome);
        var nb = Output("parameters.ipynb");
        Assert.True(nb.Cells[1].HasTag("parameters"));
        var injected = nb.Cells[2];
        Assert.True(injected.HasTag("injected-parameters"));
        Assert.Equal("// Parameters\ndouble alpha = 0.9;\nstring label = \"hi \\\"there\\\"\";\nint clusters = 5;\nbool verbose = true;", injected.Source);
        var outputs = nb.Cells[3].Outputs;
        Assert.Equal("alpha=0.9 label=hi \"there\" clusters=5 verbose=True\n", outputs[0].Text);
        Assert.Equal("Double/Int32", outputs[1].PlainText());
    }

    [Fact]
    public async Task ATimedOutCellFailsTheNotebookWithATimeoutError()
    {
        var source = _files.Copy("timeout.ipynb");
        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source], Run = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(10) } });

        // 10 s: the first cell of a fresh kernel must fit comfortably on a loaded machine.
        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Contains("timeout.ipynb  cell 2/3  timeout", log);
        var nb = Output("timeout.ipynb");
        var error = Assert.Single(nb.Cells[2].Outputs);
        Assert.Equal(ErrorOutputs.TimeoutError, error.ErrorName);
        Assert.StartsWith("The cell did not finish within 10 s", error.ErrorValue);
        Assert.Empty(nb.Cells[3].Outputs);
    }

    [Fact]
    public async Task DibInputIsExecutedIntoAnIpynb()
    {
        var source = _files.Copy("walkthrough.dib");
        var (outcome, _) = await Run(new BatchRunOptions { Paths = [source] });

        Assert.Equal(BatchOutcome.Succeeded, outcome);
        var nb = Output("walkthrough.ipynb");
        Assert.Equal([CellType.Markdown, CellType.Code, CellType.Code, CellType.Markdown], nb.Cells.Select(c => c.CellType));
        Assert.Equal("hello\n", Assert.Single(nb.Cells[1].Outputs).Text);
        Assert.Equal("HELLO", Assert.Single(nb.Cells[2].Outputs).PlainText());
    }

    [Fact]
    public async Task InPlaceLeavesAFailingSourceIntactAndRewritesASucceedingOne()
    {
        var failing = _files.Copy("failing.ipynb");
        var succeeding = _files.Copy("success.ipynb");
        var failingBytes = File.ReadAllBytes(failing);

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [failing, succeeding], InPlace = true });

        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Equal(failingBytes, File.ReadAllBytes(failing));
        Assert.Contains("failing.ipynb failed, so the source was left untouched", log);
        Assert.True(File.Exists(_files.PathOf("out", "failing.ipynb")));
        Assert.Equal(3, NotebookFile.Load(succeeding).Cells.Count(c => c.ExecutionCount is not null));
        Assert.False(File.Exists(_files.PathOf("out", "success.ipynb")));
        Assert.Empty(Directory.GetFiles(_files.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CheckDetectsAChangedOutputAndPassesAnUnchangedNotebook()
    {
        var changed = _files.Copy("changed-output.ipynb");
        var (outcome, log) = await Run(new BatchRunOptions { Paths = [changed], Check = true });

        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Contains("check: changed-output.ipynb: cell 2 (id ", log);
        Assert.Contains("  stored: \"5\\n\"\n  now:    \"4\\n\"", log);

        var success = _files.Copy("success.ipynb");
        await Run(new BatchRunOptions { Paths = [success], InPlace = true });
        var (again, againLog) = await Run(new BatchRunOptions { Paths = [success], Check = true });
        Assert.True(again == BatchOutcome.Succeeded, againLog);
    }

    [Fact]
    public async Task CheckNamesTheSameCellNumberAsTheFailureMessage()
    {
        var source = _files.Copy("failing.ipynb");
        var notebook = NotebookFile.Load(source);
        notebook.Cells[2].Outputs.Add(CellOutput.Stream("stdout", "stale\n"));
        NotebookFile.Save(notebook, source);

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source], Check = true });

        Assert.Equal(BatchOutcome.Failed, outcome);
        Assert.Contains("error: failing.ipynb: cell 2 (id ", log);
        Assert.Contains("check: failing.ipynb: cell 3 (id ", log);
        Assert.DoesNotContain("check: failing.ipynb: cell 4", log);
    }

    [Fact]
    public async Task CheckOfADibExecutesButDoesNotCompare()
    {
        var source = _files.Copy("walkthrough.dib");
        var (outcome, log) = await Run(new BatchRunOptions { Paths = [source], Check = true });

        Assert.Equal(BatchOutcome.Succeeded, outcome);
        Assert.Contains("check: walkthrough.dib is a .dib file, which stores no outputs; it was executed but not compared.", log);
        Assert.False(File.Exists(_files.PathOf("out", "walkthrough.ipynb")));
    }

    [Fact]
    public async Task NotebooksRunFromTheirOwnFolder()
    {
        var dir = _files.PathOf("project", "notebooks");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "input.txt"), "relative data");
        var nb = new Notebook { Cells = [new NotebookCell(CellType.Code, "File.ReadAllText(\"input.txt\")") { Metadata = [] }] };
        NotebookFile.Save(nb, Path.Combine(dir, "reads-file.ipynb"));
        nb.Cells[0].Source = "System.IO.File.ReadAllText(\"input.txt\")";
        NotebookFile.Save(nb, Path.Combine(dir, "reads-file.ipynb"));

        var (outcome, log) = await Run(new BatchRunOptions { Paths = [_files.PathOf("project")] });

        Assert.True(outcome == BatchOutcome.Succeeded, log);
        Assert.Equal("relative data", Output(Path.Combine("notebooks", "reads-file.ipynb")).Cells[0].Outputs[0].PlainText());
    }

    [Fact]
    public async Task MissingOrUnreadableInputIsInvalidAndRunsNothing()
    {
        var (missing, log) = await Run(new BatchRunOptions { Paths = [_files.PathOf("nope.ipynb")] });
        Assert.Equal(BatchOutcome.InvalidInput, missing);
        Assert.Contains("does not exist", log);

        var broken = _files.PathOf("broken.ipynb");
        File.WriteAllText(broken, "{ not json");
        var good = _files.Copy("success.ipynb");
        var (unreadable, log2) = await Run(new BatchRunOptions { Paths = [good, broken] });
        Assert.Equal(BatchOutcome.InvalidInput, unreadable);
        Assert.Contains("cannot read broken.ipynb", log2);
        Assert.False(File.Exists(_files.PathOf("out", "success.ipynb")));
    }
}
