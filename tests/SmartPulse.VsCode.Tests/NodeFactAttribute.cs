namespace SmartPulse.VsCode.Tests;

/// <summary>
/// A fact that needs the extension's npm packages (<c>npm ci</c> in <c>vscode/</c>) and, for the UI
/// tests, code-server (<c>vscode/test/ui/install-code-server.sh</c>). Skipped with the command to
/// run when they are missing on a developer machine; under <c>CI=true</c> it always runs
/// (<c>.ci/run</c> installs them).
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="needsCodeServer">Whether the test also needs code-server.</param>
    public NodeFactAttribute(bool needsCodeServer = false)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        var root = NodeTools.ExtensionDirectory;
        if (!Directory.Exists(Path.Combine(root, "node_modules", "esbuild")))
        {
            Skip = "the extension's npm packages are not installed: run (cd vscode && npm ci); CI does this and runs the test.";
        }
        else if (needsCodeServer && !File.Exists(Path.Combine(root, "test", "ui", "node_modules", ".bin", "code-server")))
        {
            Skip = "code-server is not installed: run bash vscode/test/ui/install-code-server.sh (as root, for its apt packages); CI does this and runs the test.";
        }
        else if (needsCodeServer && !File.Exists("/usr/bin/chromium"))
        {
            Skip = "chromium is not installed: apt-get install -y chromium; CI installs it and runs the test.";
        }
    }
}
