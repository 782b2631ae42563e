using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>
/// One batch, run once for <see cref="KernelFailureTests"/>: a notebook per way a kernel can fail
/// (stack overflow, Environment.Exit(0), an exception on a background thread, kill -9, a timeout in
/// code outside a loop, a kernelspec that is not installed, a kernel that never answers), plus
/// notebooks that must still succeed after them (C#, and Python through python3 when installed).
/// </summary>
public sealed class KernelFailureFixture : IAsyncLifetime
{
    private readonly TestFiles _files = new();

    public BatchOutcome Outcome { get; private set; }

    public string Log { get; private set; } = "";

    public JsonObject Manifest { get; private set; } = [];

    public bool HasPython { get; private set; }

    public string OutputDirectory => _files.PathOf("out");

    public JsonObject Notebook(string name) =>
        Manifest["notebooks"]!.AsArray().Select(n => n!.AsObject()).Single(n => n["source"]!.GetValue<string>().EndsWith(name, StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        Write("a-stack-overflow.ipynb", null, "Console.WriteLine(\"before\");", "int Down(int n) => Down(n + 1) + 1;\nDown(0)");
        Write("b-environment-exit.ipynb", null, "Environment.Exit(0);", "Console.WriteLine(\"never\");");
        Write("c-background-thread.ipynb", null, "new System.Threading.Thread(() => throw new InvalidOperationException(\"thrown on a background thread\")).Start();\nSystem.Threading.Thread.Sleep(20_000);");
        Write("d-kill-9.ipynb", null, "System.Diagnostics.Process.Start(\"kill\", new[] { \"-9\", Environment.ProcessId.ToString() })!.WaitForExit();\nSystem.Threading.Thread.Sleep(20_000);");
        Write("e-timeout.ipynb", null, "var before = 1;", "System.Threading.Thread.Sleep(60_000);", "before");
        Write("f-missing-kernelspec.ipynb", "no-such-kernel-xyz", "1 + 1");
        Write("g-never-starts.ipynb", "never-answers", "1 + 1");
        Write("h-still-runs.ipynb", null, "Console.WriteLine(Environment.CurrentDirectory == @\"" + _files.PathOf("nb") + "\");", "6 * 7");
        HasPython = Environment.GetEnvironmentVariable("CI") == "true" || PythonIpykernelFactAttribute.WhyNot() is null;
        if (HasPython)
        {
            Write("i-python.ipynb", "python3", "print(6 * 7)");
        }

        // A kernelspec that starts but never answers (writes to stderr, then sleeps).
        var spec = _files.PathOf("jupyter", "kernels", "never-answers");
        Directory.CreateDirectory(spec);
        File.WriteAllText(Path.Combine(spec, "kernel.json"), """{"argv": ["/bin/sh", "-c", "echo booting the never-answering kernel >&2; exec sleep 120", "{connection_file}"], "display_name": "never", "language": "none"}""");
        var previous = Environment.GetEnvironmentVariable("JUPYTER_PATH");
        Environment.SetEnvironmentVariable("JUPYTER_PATH", _files.PathOf("jupyter") + (previous is { Length: > 0 } ? Path.PathSeparator + previous : ""));
        try
        {
            var log = new StringWriter();
            Outcome = await BatchRunner.RunAsync(
                new BatchRunOptions
                {
                    Paths = [_files.PathOf("nb")],
                    OutputDirectory = OutputDirectory,
                    Jobs = 2,
                    Run = await TestKernel.With(new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(30), StartupTimeout = TimeSpan.FromSeconds(30) }),
                },
                log);
            Log = log.ToString();
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_PATH", previous);
        }

        Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory, BatchRunner.ManifestFileName)))!.AsObject();
    }

    public Task DisposeAsync()
    {
        _files.Dispose();
        return Task.CompletedTask;
    }

    private void Write(string name, string? kernelspec, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = kernelspec is null ? new JsonObject() : new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = kernelspec, ["display_name"] = kernelspec, ["language"] = kernelspec == "python3" ? "python" : "none" } },
            ["cells"] = new JsonArray([.. cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"cell-{i + 1}",
                ["metadata"] = new JsonObject(),
                ["source"] = source,
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
            })]),
        };
        Directory.CreateDirectory(_files.PathOf("nb"));
        File.WriteAllText(_files.PathOf("nb", name), notebook.ToJsonString());
    }
}
