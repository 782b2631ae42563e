namespace SmartPulse.Cli.Commands;

/// <summary>
/// The argv a kernelspec uses to start this tool. Installed as a dotnet tool, that is the tool's
/// shim (stable across updates); otherwise the <c>dotnet</c> host next to the running runtime (an
/// absolute path, so Jupyter needs neither PATH nor DOTNET_ROOT) with this build's
/// <c>smartpulse.dll</c>, whichever way the tool was started (<c>dotnet run</c>, the apphost, or
/// <c>dotnet smartpulse.dll</c>).
/// </summary>
public static class KernelLaunchCommand
{
    /// <summary>The placeholder Jupyter replaces with the connection file's path.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    /// <summary>Builds the argv.</summary>
    /// <returns>The command and its arguments, ending in <c>kernel {connection_file}</c>.</returns>
    public static IReadOnlyList<string> Argv()
    {
        var dll = typeof(KernelLaunchCommand).Assembly.Location;
        var process = Environment.ProcessPath;
        var isHost = process is not null && string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase);
        var separator = Path.DirectorySeparatorChar;
        if (!isHost && process is not null && dll.Contains($"{separator}.store{separator}", StringComparison.Ordinal))
        {
            return [process, "kernel", ConnectionFilePlaceholder];
        }

        var host = isHost ? process : FindDotnetHost();
        return host is null
            ? [Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null), "kernel", ConnectionFilePlaceholder]
            : [host, dll, "kernel", ConnectionFilePlaceholder];
    }

    private static string? FindDotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var candidates = new List<string?>
        {
            runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", exe)),
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Combine(root, exe) : null,
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c));
    }
}
