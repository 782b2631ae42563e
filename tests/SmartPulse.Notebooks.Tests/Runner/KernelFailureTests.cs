using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>
/// Every way a notebook's kernel can fail stays inside that notebook: the cell and notebook are
/// marked failed with a message naming the cell and what happened, the batch goes on, the manifest
/// names the failure, and the outcome is Failed (exit 1). One batch (<see cref="KernelFailureFixture"/>) serves all cases.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class KernelFailureTests : IClassFixture<KernelFailureFixture>
{
    private readonly KernelFailureFixture _batch;

    public KernelFailureTests(KernelFailureFixture batch) => _batch = batch;

    private void AssertFailed(string name, params string[] fragments)
    {
        var notebook = _batch.Notebook(name);
        Assert.Equal("failed", notebook["status"]!.GetValue<string>());
        var error = notebook["error"]!.GetValue<string>();
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error, StringComparison.Ordinal);
        }

        Assert.Contains($"error: {name}: ", _batch.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBatchGoesOnWritesTheManifestAndFails()
    {
        Assert.Equal(SmartPulse.Notebooks.Runner.BatchOutcome.Failed, _batch.Outcome);
        Assert.False(_batch.Manifest["succeeded"]!.GetValue<bool>());
        Assert.Equal(_batch.HasPython ? 9 : 8, _batch.Manifest["notebooks"]!.AsArray().Count);
        Assert.Equal("ok", _batch.Notebook("h-still-runs.ipynb")["status"]!.GetValue<string>());
        var survivor = NotebookFile.Load(Path.Combine(_batch.OutputDirectory, "h-still-runs.ipynb"));
        Assert.Equal("42", survivor.Cells[1].Outputs[0].PlainText());
    }

    [Fact]
    public void EachKernelRunsInItsNotebooksFolder() =>
        Assert.Equal("True\n", NotebookFile.Load(Path.Combine(_batch.OutputDirectory, "h-still-runs.ipynb")).Cells[0].Outputs[0].Text);

    [Fact]
    public void AStackOverflowKillsOnlyItsKernel()
    {
        AssertFailed("a-stack-overflow.ipynb", "cell 2", "the kernel died (exit 134, ended by SIGABRT) while running cell 2");
        var nb = NotebookFile.Load(Path.Combine(_batch.OutputDirectory, "a-stack-overflow.ipynb"));
        Assert.Equal("before\n", nb.Cells[1].Outputs[0].Text);
        Assert.Contains("Stack overflow", nb.Cells[2].Outputs[^1].ErrorValue, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentExitIsAFailureNotASilentSuccess() =>
        AssertFailed("b-environment-exit.ipynb", "the kernel exited (exit 0, e.g. Environment.Exit) while running cell 1");

    [Fact]
    public void AnExceptionOnABackgroundThreadFailsTheNotebook()
    {
        AssertFailed("c-background-thread.ipynb", "the kernel died (exit 134", "while running cell 1");
        var nb = NotebookFile.Load(Path.Combine(_batch.OutputDirectory, "c-background-thread.ipynb"));
        Assert.Contains("thrown on a background thread", nb.Cells[1].Outputs[^1].ErrorValue, StringComparison.Ordinal);
    }

    [Fact]
    public void KillNineIsReportedAsSuch() =>
        AssertFailed("d-kill-9.ipynb", "the kernel died (exit 137, killed by SIGKILL) while running cell 1");

    [Fact]
    public void ATimeoutOutsideALoopFailsTheCell()
    {
        AssertFailed("e-timeout.ipynb", "cell 2", "TimeoutError: The cell did not finish within 30 s");
        var cells = _batch.Notebook("e-timeout.ipynb")["cells"]!.AsArray();
        Assert.Equal("timeout", cells[1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void AMissingKernelspecFailsWithTheInstallHint() =>
        AssertFailed("f-missing-kernelspec.ipynb", "the kernelspec 'no-such-kernel-xyz' is not installed here", "jupyter kernelspec list", "--kernel");

    [Fact]
    public void AKernelThatNeverAnswersFailsAfterTheStartupTimeoutWithItsStderr() =>
        AssertFailed("g-never-starts.ipynb", "did not start within 30 s", "booting the never-answering kernel");

    [PythonIpykernelFact]
    public void APythonNotebookRunsThroughTheInstalledPythonKernel()
    {
        Assert.Equal("ok", _batch.Notebook("i-python.ipynb")["status"]!.GetValue<string>());
        Assert.Equal("42\n", NotebookFile.Load(Path.Combine(_batch.OutputDirectory, "i-python.ipynb")).Cells[0].Outputs[0].Text);
    }
}
