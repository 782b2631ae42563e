namespace SmartPulse.Notebooks.Tests.Report;

/// <summary>
/// A test that runs Debian's chromium (<c>/usr/bin/chromium</c>): skipped locally with the install command when
/// it is missing, never skipped under <c>CI=true</c> (.ci/run installs it).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "no /usr/bin/chromium (apt-get install -y chromium); CI installs it and runs this test.";
        }
    }
}
