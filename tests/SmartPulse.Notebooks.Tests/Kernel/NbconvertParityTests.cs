using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Kernel;

/// <summary>
/// <c>jupyter nbconvert --to notebook --execute</c> (nbclient) runs the engine's fixture notebooks through the kernel
/// (chosen by the notebooks' own kernelspec metadata, <c>.net-csharp</c>); each cell's outputs must equal, byte for
/// byte, those the <c>smartpulse run --jobs 2</c> command (the built CLI, run as a process, one batch) produces. Both
/// drive the same kernel process over the Jupyter protocol, so this compares the two clients: the fixtures cover
/// streams, display_data, execute_result, errors, parameters and every subkernel (C#, F#, SQL, HTML, Mermaid,
/// value). The walkthroughs are not executed here: the suite runs them once (SmartPulse.Cli.Tests,
/// WalkthroughNotebookTests, through tests/Shared/WalkthroughCache.cs) and the front-end tests run 01 through the
/// kernel in classic Jupyter Notebook and VS Code. Consecutive stream messages of the same name are merged before
/// comparing (Jupyter shows them as one output; the runner stores them merged).
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class NbconvertParityTests : IDisposable
{
    private readonly JupyterEnvironment _jupyter = new();

    public void Dispose() => _jupyter.Dispose();

    /// <summary>The engine's fixture notebooks both clients run.</summary>
    public static IReadOnlyList<string> Notebooks() =>
        [.. new[] { "success.ipynb", "parameters.ipynb", "dotnet-interactive-polyglot.ipynb" }.Select(TestFiles.FixturePath)];

    [JupyterFact]
    public async Task NbconvertThroughTheKernelGivesTheRunnersOutputs()
    {
        // Both sides store outputs for later viewing (what smartpulse run sets for itself); in a live front end charts
        // also carry a drawing fallback and plotly.js once, which the browser tests cover.
        _jupyter.Extra["SMARTPULSE_OUTPUT_TARGET"] = "document";
        await _jupyter.InstallKernelAsync();
        var outputDir = Path.Combine(_jupyter.Root, "executed");
        var failures = new List<string>();

        // The runner executes every notebook once, in one batch, two kernels at a time (--jobs 2): its outputs must
        // not depend on parallelism.
        var notebooks = Notebooks();
        var runnerDir = Path.Combine(_jupyter.Root, "runner");
        var (runCode, runLog) = await JupyterEnvironment.RunAsync(
            "dotnet",
            [await JupyterEnvironment.CliDllAsync(), "run", .. notebooks, "--out", runnerDir, "--timeout", "1200", "--jobs", "2"],
            _jupyter.Root,
            _jupyter.Variables(),
            TimeSpan.FromMinutes(30));
        Assert.True(runCode == 0, $"smartpulse run --jobs 2 failed (exit {runCode}):\n{runLog}");
        foreach (var path in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var (code, log) = await _jupyter.PythonAsync(
                ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=1200", "--output-dir", outputDir, "--output", name, path],
                Path.GetDirectoryName(path)!,
                TimeSpan.FromMinutes(30));
            Assert.True(code == 0, $"nbconvert --execute {path} failed (exit {code}):\n{log}");
            var viaKernel = NotebookFile.Load(Path.Combine(outputDir, name + ".ipynb"));
            var viaRunner = NotebookFile.Load(Path.Combine(runnerDir, name + ".ipynb"));

            var kernelCells = viaKernel.Cells.Where(c => c.CellType == CellType.Code).ToList();
            var runnerCells = viaRunner.Cells.Where(c => c.CellType == CellType.Code).ToList();
            Assert.Equal(runnerCells.Count, kernelCells.Count);
            for (var i = 0; i < runnerCells.Count; i++)
            {
                if (runnerCells[i].Source.Contains("#!time", StringComparison.Ordinal))
                {
                    continue;
                }

                var expected = string.Join("\n", runnerCells[i].Outputs.Select(IpynbFormat.OutputJson));
                var actual = string.Join("\n", MergeStreams(kernelCells[i].Outputs).Select(IpynbFormat.OutputJson));
                if (expected != actual || runnerCells[i].ExecutionCount != kernelCells[i].ExecutionCount)
                {
                    failures.Add($"{Path.GetFileName(path)} code cell {i + 1}:\n  runner [{runnerCells[i].ExecutionCount}]: {expected}\n  kernel [{kernelCells[i].ExecutionCount}]: {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<CellOutput> MergeStreams(IEnumerable<CellOutput> outputs)
    {
        var merged = new List<CellOutput>();
        foreach (var output in outputs)
        {
            if (output.OutputType == CellOutput.StreamType && merged.Count > 0 && merged[^1] is { OutputType: CellOutput.StreamType } last && last.Name == output.Name)
            {
                last.Text += output.Text;
            }
            else
            {
                merged.Add(output.Clone());
            }
        }

        return merged;
    }
}
