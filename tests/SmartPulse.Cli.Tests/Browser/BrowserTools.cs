using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace SmartPulse.Cli.Tests.Browser;

/// <summary>Paths, processes and the headless Debian chromium (through Playwright, no browser download) for the browser tests.</summary>
internal static class BrowserTools
{
    public const string Chromium = "/usr/bin/chromium";
    public const string JupyterNotebook = "/usr/bin/jupyter-notebook";
    public const string Python = "/usr/bin/python3";
    private static readonly SemaphoreSlim _buildGate = new(1, 1);

    /// <summary>The flags Debian's chromium runs with here: headless, no sandbox (root in CI), nothing phoning home.</summary>
    public static readonly string[] ChromiumFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The repository root (the folder holding SmartPulse.Notebooks.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"cannot find the repository root above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Where screenshots are kept as test artifacts: artifacts/browser-screenshots.</summary>
    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "browser-screenshots")).FullName;

    /// <summary>A fresh temp folder.</summary>
    public static string TempDirectory(string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "smartpulse-browser-tests", name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>The built smartpulse.dll of this configuration (built when missing).</summary>
    public static async Task<string> CliDllAsync()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Debug";
        var project = Path.Combine(RepositoryRoot, "src", "SmartPulse.Cli");
        var dll = Path.Combine(project, "bin", configuration, tfmDir.Name, "smartpulse.dll");
        await _buildGate.WaitAsync();
        try
        {
            if (!File.Exists(dll))
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

    /// <summary>Runs a process to completion and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts Debian's chromium headless through Playwright (executablePath, no downloaded browser).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumFlags });
        return (playwright, browser);
    }

    /// <summary>
    /// Waits until <paramref name="expected"/> chart containers (<paramref name="selector"/>) each hold a drawn plot
    /// (a <c>.main-svg</c> element); returns (containers, drawn) as last seen.
    /// </summary>
    public static async Task<(int Containers, int Drawn)> WaitForChartsAsync(IPage page, string selector, int expected, TimeSpan timeout)
    {
        const string count = "s => { const c = Array.from(document.querySelectorAll(s)); return [c.length, c.filter(e => e.querySelector('.main-svg')).length]; }";
        var deadline = DateTime.UtcNow + timeout;
        int[] seen;
        do
        {
            seen = await page.EvaluateAsync<int[]>(count, selector);
            if (seen[0] >= expected && seen[1] == seen[0])
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        return (seen[0], seen[1]);
    }
}
