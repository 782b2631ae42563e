namespace SmartPulse.Cli.Tests.DotnetInteractive;

/// <summary>Where the real .NET Interactive tool lives for the parity test, and its Jupyter kernelspec.</summary>
internal static class DotnetInteractiveTool
{
    public const string Version = "1.0.712001";

    /// <summary>SMARTPULSE_DOTNET_INTERACTIVE, else /tmp/dotnet-interactive (the --tool-path the team documents).</summary>
    public static string ToolPath => Environment.GetEnvironmentVariable("SMARTPULSE_DOTNET_INTERACTIVE") is { Length: > 0 } p ? p : "/tmp/dotnet-interactive";

    public static string Executable => Path.Combine(ToolPath, "dotnet-interactive");

    /// <summary>Installs the tool with --tool-path when it is not there yet.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        var (code, log) = await Browser.BrowserTools.RunAsync("dotnet", ["tool", "install", "--tool-path", ToolPath, "Microsoft.dotnet-interactive", "--version", Version], Path.GetTempPath(), null, TimeSpan.FromMinutes(10));
        Assert.True(code == 0 && File.Exists(Executable), $"dotnet tool install --tool-path {ToolPath} Microsoft.dotnet-interactive --version {Version} failed (exit {code}):\n{log}");
    }

    /// <summary>
    /// Writes its C# kernelspec (<c>dotnet-interactive jupyter install --path</c>) under <paramref name="jupyterPath"/>/kernels,
    /// pointing at the tool-path executable (the generated spec runs "dotnet interactive", a global-tool name).
    /// </summary>
    public static async Task InstallKernelSpecAsync(string jupyterPath)
    {
        var kernels = Directory.CreateDirectory(Path.Combine(jupyterPath, "kernels")).FullName;
        var (code, log) = await Browser.BrowserTools.RunAsync(Executable, ["jupyter", "install", "--path", kernels], Path.GetTempPath(), null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"dotnet-interactive jupyter install failed (exit {code}):\n{log}");
        var spec = Path.Combine(kernels, ".net-csharp", "kernel.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(spec))!;
        var argv = json["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(["dotnet", "interactive"], argv.Take(2));
        json["argv"] = new System.Text.Json.Nodes.JsonArray([.. new[] { Executable }.Concat(argv.Skip(2)).Select(a => (System.Text.Json.Nodes.JsonNode)a!)]);
        File.WriteAllText(spec, json.ToJsonString());
    }
}
