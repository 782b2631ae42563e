namespace SmartPulse.Cli.Tests;

/// <summary><c>smartpulse serve</c> refuses what it must before it listens (the server itself is tested in SmartPulse.Server.Tests).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void NonLoopbackHostWithoutAnApiKeyExitsTwoNamingTheFix()
    {
        var previous = Environment.GetEnvironmentVariable("SMARTPULSE_API_KEY");
        Environment.SetEnvironmentVariable("SMARTPULSE_API_KEY", null);
        try
        {
            var (exit, _, err) = CliRunner.Run("serve", "--host", "0.0.0.0", "--port", "0");
            Assert.Equal(2, exit);
            Assert.Contains("--api-key", err);
            Assert.Contains("SMARTPULSE_API_KEY", err);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SMARTPULSE_API_KEY", previous);
        }
    }

    [Fact]
    public void AModelThatIsNotAZipExitsTwoNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "smartpulse-serve-" + Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllText(path, "not a zip");
        try
        {
            var (exit, _, err) = CliRunner.Run("serve", "--port", "0", "--model", path);
            Assert.Equal(2, exit);
            Assert.Contains(path, err);
            Assert.Contains("not a zip", err);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
