using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>
/// The executed notebook names the kernel that actually ran it, as nbclient and papermill write it:
/// kernelspec of the kernel used and language_info from its kernel_info_reply; never a stale
/// <c>.net-csharp</c> kernelspec on a Python run, nor a stale python3 one on a SmartPulse run.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class KernelMetadataTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [PythonIpykernelFact]
    public async Task APolyglotNotebookRunWithKernelPython3GetsPython3sKernelspecAndLanguageInfo()
    {
        var written = await RunAsync(
            new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#", ["file_extension"] = ".cs" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            "python3",
            "import sys\nprint('%d.%d.%d' % sys.version_info[:3])");

        var metadata = written["metadata"]!;
        Assert.Equal("python3", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("python", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.StartsWith("Python 3", metadata["kernelspec"]!["display_name"]!.GetValue<string>(), StringComparison.Ordinal);

        // language_info is ipykernel's kernel_info_reply: name, the running Python's version, mimetype, file_extension.
        var cell = written["cells"]![0]!;
        var pythonVersion = string.Concat(cell["outputs"]![0]!["text"]!.AsArray().Select(l => l!.GetValue<string>())).Trim();
        Assert.Equal("python", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(pythonVersion, metadata["language_info"]!["version"]!.GetValue<string>());
        Assert.Equal(".py", metadata["language_info"]!["file_extension"]!.GetValue<string>());
        Assert.Equal("text/x-python", metadata["language_info"]!["mimetype"]!.GetValue<string>());
        Assert.DoesNotContain(".net", written["metadata"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(cell["metadata"]!["polyglot_notebook"]);
        Assert.Null(cell["metadata"]!["dotnet_interactive"]);
    }

    [Fact]
    public async Task ANotebookThatNamedPython3RunThroughSmartPulseGetsTheDotNetKernelspec()
    {
        // C# cells (cell metadata) in a notebook whose kernelspec says python3, run with --kernel .net-csharp.
        var written = await RunAsync(
            new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = "Python 3 (ipykernel)", ["language"] = "python", ["name"] = "python3" },
                ["language_info"] = new JsonObject { ["name"] = "python", ["version"] = "3.11.2" },
            },
            ".net-csharp",
            "6 * 7",
            new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } });

        var metadata = written["metadata"]!;
        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("C#", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Null(metadata["language_info"]!["version"]);
        Assert.Equal("42", string.Concat(written["cells"]![0]!["outputs"]![0]!["data"]!["text/plain"]!.AsArray().Select(l => l!.GetValue<string>())));
    }

    private async Task<JsonNode> RunAsync(JsonObject metadata, string kernel, string code, JsonObject? cellMetadata = null)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = metadata,
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = "only",
                ["metadata"] = cellMetadata ?? new JsonObject(),
                ["source"] = code,
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
            }),
        };
        Directory.CreateDirectory(_files.PathOf("nb"));
        File.WriteAllText(_files.PathOf("nb", "nb.ipynb"), notebook.ToJsonString());
        var log = new StringWriter();
        var outcome = await BatchRunner.RunAsync(
            new BatchRunOptions
            {
                Paths = [_files.PathOf("nb", "nb.ipynb")],
                OutputDirectory = _files.PathOf("out"),
                Jobs = 1,
                Run = await TestKernel.With(new NotebookRunOptions { KernelName = kernel, CellTimeout = TimeSpan.FromSeconds(60) }),
            },
            log);
        Assert.True(outcome == BatchOutcome.Succeeded, log.ToString());
        return JsonNode.Parse(File.ReadAllText(_files.PathOf("out", "nb.ipynb")))!;
    }
}
