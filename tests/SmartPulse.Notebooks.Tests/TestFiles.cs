namespace SmartPulse.Notebooks.Tests;

/// <summary>Fixture notebooks and scratch folders.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "smartpulse-nb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Copies a fixture into the scratch folder (optionally a sub-folder) and returns its path.</summary>
    public string Copy(string name, string? subfolder = null)
    {
        var dir = subfolder is null ? Root : Path.Combine(Root, subfolder);
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, name);
        File.Copy(FixturePath(name), target, overwrite: true);
        return target;
    }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
