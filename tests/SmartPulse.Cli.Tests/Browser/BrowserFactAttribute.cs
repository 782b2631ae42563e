namespace SmartPulse.Cli.Tests.Browser;

/// <summary>
/// A test that drives Debian's chromium (and Jupyter): skipped locally with the install command when a tool is missing,
/// never skipped under <c>CI=true</c> (.ci/run installs them).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>What the browser tests need: file → Debian package.</summary>
    internal static readonly (string File, string Package)[] Required =
    [
        (BrowserTools.Chromium, "chromium"),
        (BrowserTools.JupyterNotebook, "jupyter-notebook"),
        (BrowserTools.Python, "python3"),
        ("/usr/lib/python3/dist-packages/nbconvert", "jupyter-nbconvert"),
    ];

    public BrowserFactAttribute()
    {
        var missing = Required.Where(r => !File.Exists(r.File) && !Directory.Exists(r.File)).Select(r => r.Package).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Debian packages missing: {string.Join(", ", missing)} (apt-get install -y {string.Join(' ', missing)}); CI installs them and runs this test.";
        }
    }
}
