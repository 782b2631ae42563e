using System.Diagnostics;
using System.Text;

namespace SmartPulse.VsCode.Tests;

/// <summary>Paths and a process runner for driving the extension's npm scripts from xUnit.</summary>
internal static class NodeTools
{
    /// <summary>The repository root (the folder holding SmartPulse.Notebooks.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The extension's folder.</summary>
    public static string ExtensionDirectory => Path.Combine(RepositoryRoot, "vscode");

    /// <summary>The engine the extension starts: the smartpulse.dll built with these tests' configuration.</summary>
    public static string EngineDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = testBin.Name;
            var configuration = testBin.Parent!.Name;
            return Path.Combine(RepositoryRoot, "src", "SmartPulse.Cli", "bin", configuration, tfm, "smartpulse.dll");
        }
    }

    /// <summary>Runs <c>npm</c> with <paramref name="arguments"/> in the extension folder; returns the exit code and the combined output.</summary>
    /// <param name="arguments">npm's arguments, for example <c>test</c>.</param>
    /// <param name="timeout">Longest wait; the process tree is killed after it.</param>
    /// <returns>Exit code and output.</returns>
    public static (int ExitCode, string Output) Npm(string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("npm", arguments)
        {
            WorkingDirectory = ExtensionDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SMARTPULSE_DLL"] = EngineDll;
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"npm {arguments} timed out after {timeout}\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no SmartPulse.Notebooks.sln above {AppContext.BaseDirectory}");
    }
}
