using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernels;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>
/// The runner knows its notebook, so it asks the SmartPulse kernel to start F# Interactive (and DuckDB) in the
/// background when cells use them (<c>--warm-up</c>), and nothing for a C#-only notebook. Behaviour only: the
/// option reaches the kernel (its log says so) and the cells still give the right outputs; timing is in the
/// <c>fsharp-first-cell</c> benchmark.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class KernelWarmUpTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void WarmUpKernelsComeFromCellMetadataFirstLinesAndMidCellSwitchesInOrderOfFirstUse()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellType.Code, "var n = 1;"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "var m = 2;\n#!sql\nSELECT 1"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "let x = 1", "fsharp"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "#!f#\nlet y = 2"));
        notebook.Cells.Add(new NotebookCell(CellType.Markdown, "#!fsharp is only text here"));
        Assert.Equal(["sql", "fsharp"], KernelRequirements.WarmUpKernels(notebook));
    }

    [Fact]
    public void ACSharpHtmlAndMermaidNotebookNeedsNoWarmUp()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellType.Code, "#!time\nvar n = 1;"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "#!html\n<b>x</b>"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "graph TD; A-->B", "mermaid"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "// #!fsharp in a comment that is not a first-column switch\n  var s = \"#!sql\";"));
        Assert.Empty(KernelRequirements.WarmUpKernels(notebook));
    }

    [Fact]
    public void WithWarmUpAppendsTheOptionForTheSmartPulseKernelOnly()
    {
        var ours = KernelLaunch.SmartPulse(["dotnet", "smartpulse.dll", "kernel", KernelLaunch.ConnectionFilePlaceholder]);
        Assert.Equal(["dotnet", "smartpulse.dll", "kernel", KernelLaunch.ConnectionFilePlaceholder, "--warm-up", "fsharp,sql"], ours.WithWarmUp(["fsharp", "sql"]).Argv);
        Assert.Same(ours, ours.WithWarmUp([]));
        var python = ours with { Name = "python3", Argv = ["python3", "-m", "ipykernel_launcher", "-f", KernelLaunch.ConnectionFilePlaceholder], IsSmartPulse = false };
        Assert.Same(python, python.WithWarmUp(["fsharp"]));
    }

    [Fact]
    public async Task ANotebookWithAnFSharpCellStartsItsKernelWarmingFSharpAndGetsItsOutputs()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellType.Code, "var n = 10;\nn * 2"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "let xs = [ 1 .. 10 ]\nList.sum xs", "fsharp"));
        notebook.Cells.Add(new NotebookCell(CellType.Code, "#!fsharp\nprintfn \"%d\" (List.length xs)"));
        var (result, log) = await RunAsync(notebook);
        Assert.True(result.Succeeded, result.Error ?? result.FirstFailure?.Error);
        Assert.Equal("20", result.Notebook.Cells[0].Outputs.Single().PlainText());
        Assert.Equal("55", result.Notebook.Cells[1].Outputs.Single().PlainText());
        Assert.Equal("10\n", result.Notebook.Cells[2].Outputs.Single().Text);
        Assert.Contains("warm-up: starting fsharp in the background", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACSharpOnlyNotebookStartsItsKernelWithoutWarmUp()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell(CellType.Code, "6 * 7"));
        var (result, log) = await RunAsync(notebook);
        Assert.True(result.Succeeded, result.Error ?? result.FirstFailure?.Error);
        Assert.Equal("42", result.Notebook.Cells[0].Outputs.Single().PlainText());
        Assert.DoesNotContain("warm-up: starting", log, StringComparison.Ordinal);
    }

    private async Task<(NotebookRunResult Result, string Log)> RunAsync(Notebook notebook)
    {
        var logFile = _files.PathOf("kernel.log");
        File.WriteAllText(logFile, "");
        var launch = await TestKernel.LaunchAsync();
        launch = launch with { Environment = new Dictionary<string, string>(launch.Environment) { ["SMARTPULSE_KERNEL_LOG"] = logFile } };
        var result = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { Kernel = launch, NotebookDirectory = _files.Root, CellTimeout = TimeSpan.FromSeconds(120) });
        return (result, File.ReadAllText(logFile));
    }
}
