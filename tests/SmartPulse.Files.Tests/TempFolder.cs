using System.Diagnostics;

namespace SmartPulse.Files.Tests;

/// <summary>A fresh folder under the temp directory, deleted (read-only files too) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("smartpulse-files-").FullName;
    }

    public string Path { get; }

    public string File(string name, string? content = null)
    {
        var full = System.IO.Path.Combine(Path, name);
        if (content is not null)
        {
            System.IO.File.WriteAllText(full, content);
        }

        return full;
    }

    /// <summary>Runs a Unix tool (mkfifo, ln) and fails the test if it fails.</summary>
    public static void Tool(string name, params string[] args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} failed: {process.StandardError.ReadToEnd()}");
    }

    /// <summary>The id of a process that has certainly exited.</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose()
    {
        foreach (var f in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            System.IO.File.SetAttributes(f, FileAttributes.Normal);
        }

        Directory.Delete(Path, recursive: true);
    }
}
