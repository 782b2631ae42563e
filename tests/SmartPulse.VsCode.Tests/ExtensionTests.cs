using System.Text.RegularExpressions;

namespace SmartPulse.VsCode.Tests;

/// <summary>
/// Runs the VS Code extension's own test suites from the README's test command: the Node unit tests
/// (.dib format, Polyglot cell metadata, engine discovery, the stdio protocol against the real
/// engine), and the UI tests in code-server with headless chromium (the packaged .vsix installed
/// offline, notebooks run through the UI, outputs and screenshots checked).
/// </summary>
public sealed partial class ExtensionTests
{
    [NodeFact]
    public void Node_unit_tests_pass()
    {
        Assert.True(File.Exists(NodeTools.EngineDll), $"the engine was not built: {NodeTools.EngineDll}");
        var (exitCode, output) = NodeTools.Npm("test", TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"# fail 0", output);
        Assert.Matches(@"# skipped 0", output);
        Assert.DoesNotMatch(@"# pass 0\b", output);
    }

    [NodeFact(needsCodeServer: true)]
    public void Notebooks_run_in_code_server_through_the_ui()
    {
        Assert.True(File.Exists(NodeTools.EngineDll), $"the engine was not built: {NodeTools.EngineDll}");
        var (packaged, packageOutput) = NodeTools.Npm("run package", TimeSpan.FromMinutes(5));
        Assert.True(packaged == 0, packageOutput);
        var (exitCode, output) = NodeTools.Npm("run test:ui", TimeSpan.FromMinutes(30));
        Assert.True(exitCode == 0, output);
        var summary = Summary().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal("5", summary.Groups["passed"].Value);
        var screenshots = Path.Combine(NodeTools.RepositoryRoot, "artifacts", "vscode-ui", "screenshots");
        Assert.True(File.Exists(Path.Combine(screenshots, "ipynb-plot.png")), $"no screenshot in {screenshots}");
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
