using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class NuGetRestoreTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task PackageNotInTheHostIsRestoredLoadedAndCached()
    {
        var source = _files.Copy("nuget.ipynb");
        var cache = _files.PathOf("package-cache");
        var options = new BatchRunOptions
        {
            Paths = [source],
            OutputDirectory = _files.PathOf("out"),
            Run = await TestKernel.With(new NotebookRunOptions { PackageCacheDirectory = cache }),
        };
        var log = new StringWriter();

        var outcome = await BatchRunner.RunAsync(options, log);

        Assert.True(outcome == BatchOutcome.Succeeded, log.ToString());
        var nb = NotebookFile.Load(_files.PathOf("out", "nuget.ipynb"));
        Assert.Equal("Installed package Humanizer.Core, 2.14.1", Assert.Single(nb.Cells[0].Outputs).PlainText());
        Assert.Equal("Customer lifetime value", Assert.Single(nb.Cells[1].Outputs).PlainText());
        var manifest = File.ReadAllLines(Path.Combine(cache, "humanizer.core", "2.14.1", "assemblies.txt"));
        Assert.Equal("2.14.1", manifest[0]);
        Assert.EndsWith("Humanizer.dll", manifest[1]);

        // The second run is served from the cache and gives the same notebook.
        var first = File.ReadAllBytes(_files.PathOf("out", "nuget.ipynb"));
        Assert.Equal(BatchOutcome.Succeeded, await BatchRunner.RunAsync(options, new StringWriter()));
        Assert.Equal(first, File.ReadAllBytes(_files.PathOf("out", "nuget.ipynb")));
    }

    [Fact]
    public async Task UnknownPackageGivesADirectiveErrorNamingIt()
    {
        using var session = new SmartPulse.Notebooks.Execution.ScriptSession(new() { PackageCacheDirectory = _files.PathOf("cache") });
        var result = await session.ExecuteAsync("#r \"nuget: SmartPulse.Does.Not.Exist.Anywhere, 1.0.0\"");
        var error = Assert.Single(result.Outputs);
        Assert.Equal(SmartPulse.Notebooks.Execution.ErrorOutputs.DirectiveError, error.ErrorName);
        Assert.StartsWith("(1): could not restore NuGet package 'SmartPulse.Does.Not.Exist.Anywhere' version 1.0.0", error.ErrorValue);
    }
}
