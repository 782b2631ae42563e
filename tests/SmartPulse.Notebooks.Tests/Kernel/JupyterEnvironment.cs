using System.Diagnostics;
using System.Text;

namespace SmartPulse.Notebooks.Tests.Kernel;

/// <summary>
/// A throw-away Jupyter installation for one test class: the kernelspec written by the built
/// <c>smartpulse kernel install --prefix</c> into a temp folder, and JUPYTER_PATH / data / runtime /
/// config folders pointing there, so the tests never touch (or depend on) the user's Jupyter setup.
/// Python is Debian's /usr/bin/python3 with its jupyter packages.
/// </summary>
internal sealed class JupyterEnvironment : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string KernelName = ".net-csharp";
    private static readonly SemaphoreSlim _buildGate = new(1, 1);

    public JupyterEnvironment()
    {
        Root = Path.Combine(Path.GetTempPath(), "smartpulse-kernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Prefix => Path.Combine(Root, "prefix");

    /// <summary>The repository root (the folder holding SmartPulse.Notebooks.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")) || Directory.Exists(Path.Combine(dir.FullName, "src", "SmartPulse.Cli")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"cannot find the repository root above {AppContext.BaseDirectory}");
        }
    }

    public static string PythonTestsDirectory => Path.Combine(RepositoryRoot, "tests", "SmartPulse.Notebooks.Tests", "Kernel", "python");

    /// <summary>
    /// The smartpulse.dll of the same configuration as these tests (bin/&lt;Configuration&gt;/&lt;tfm&gt;); built on
    /// demand when missing or older than the engine under test (a solution build, as CI runs, has built it already).
    /// </summary>
    public static async Task<string> CliDllAsync()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Debug";
        var project = Path.Combine(RepositoryRoot, "src", "SmartPulse.Cli");
        var dll = Path.Combine(project, "bin", configuration, tfmDir.Name, "smartpulse.dll");
        await _buildGate.WaitAsync();
        try
        {
            // Build when missing, or when older than the engine these tests were built with (a stale
            // CLI would start an old kernel).
            var engine = typeof(SmartPulse.Notebooks.Kernel.JupyterKernel).Assembly.Location;
            if (!File.Exists(dll) || File.GetLastWriteTimeUtc(Path.Combine(Path.GetDirectoryName(dll)!, "SmartPulse.Notebooks.dll")) < File.GetLastWriteTimeUtc(engine))
            {
                var (code, output) = await RunAsync("dotnet", ["build", project, "-c", configuration, "-nologo", "-v", "q"], RepositoryRoot, null, TimeSpan.FromMinutes(10));
                Assert.True(code == 0 && File.Exists(dll), $"building {project} failed (exit {code}):\n{output}");
            }
        }
        finally
        {
            _buildGate.Release();
        }

        return dll;
    }

    /// <summary>Installs the kernelspec with the real CLI command and returns its output.</summary>
    public async Task<string> InstallKernelAsync(params string[] extra)
    {
        var dll = await CliDllAsync();
        var (code, output) = await RunAsync("dotnet", [dll, "kernel", "install", "--prefix", Prefix, .. extra], Root, Variables(), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"smartpulse kernel install failed (exit {code}):\n{output}");
        return output;
    }

    /// <summary>More variables for every process started here (for example SMARTPULSE_OUTPUT_TARGET).</summary>
    public Dictionary<string, string> Extra { get; } = [];

    /// <summary>The environment for Python: JUPYTER_PATH at the prefix, private data/runtime/config folders, no bytecode files in the source tree.</summary>
    public Dictionary<string, string> Variables() => new(Extra)
    {
        ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
        ["JUPYTER_PLATFORM_DIRS"] = "1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["SMARTPULSE_KERNEL_NAME"] = KernelName,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    public Task<(int ExitCode, string Output)> PythonAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        RunAsync(Python, arguments, workingDirectory, Variables(), timeout);

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? variables, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                output.AppendLine($"(killed after {timeout.TotalSeconds} s)");
            }

            return (-1, output.ToString());
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>
/// A fact that drives the kernel with Debian's Jupyter packages (jupyter-client,
/// python3-jupyter-kernel-test, jupyter-nbconvert). Skipped with the reason when they are missing on
/// a developer machine; under CI=true it runs (and fails if they are missing).
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    private static readonly (string Module, string Package)[] _required =
    [
        ("jupyter_client", "jupyter-client"),
        ("jupyter_kernel_test", "python3-jupyter-kernel-test"),
        ("nbconvert", "jupyter-nbconvert"),
    ];

    public JupyterFactAttribute()
    {
        var missing = _required.Where(r => !Directory.Exists(Path.Combine("/usr/lib/python3/dist-packages", r.Module))).Select(r => r.Package).ToList();
        if (!File.Exists(JupyterEnvironment.Python))
        {
            missing.Insert(0, "python3");
        }

        if (missing.Count > 0 && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Debian packages missing: {string.Join(", ", missing)} (apt-get install -y jupyter-client python3-jupyter-kernel-test jupyter-nbconvert); CI installs them and runs this test.";
        }
    }
}
