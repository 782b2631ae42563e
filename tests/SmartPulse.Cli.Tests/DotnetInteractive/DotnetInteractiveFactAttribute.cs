namespace SmartPulse.Cli.Tests.DotnetInteractive;

/// <summary>
/// Needs Microsoft's dotnet-interactive 1.0.712001 (installed with <c>dotnet tool install --tool-path</c>) and nbconvert:
/// skipped locally when the tool is not installed at <see cref="DotnetInteractiveTool.ToolPath"/>; under <c>CI=true</c>
/// the test installs it there itself and always runs.
/// </summary>
public sealed class DotnetInteractiveFactAttribute : FactAttribute
{
    public DotnetInteractiveFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && !File.Exists(DotnetInteractiveTool.Executable))
        {
            Skip = $"dotnet-interactive is not installed at {DotnetInteractiveTool.ToolPath} (dotnet tool install --tool-path {DotnetInteractiveTool.ToolPath} Microsoft.dotnet-interactive --version {DotnetInteractiveTool.Version}, or set SMARTPULSE_DOTNET_INTERACTIVE to its folder); CI installs it and runs this test.";
        }
        else if (!File.Exists("/usr/lib/python3/dist-packages/nbconvert/__init__.py") && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "jupyter-nbconvert is missing (apt-get install -y jupyter-nbconvert); CI installs it and runs this test.";
        }
    }
}
