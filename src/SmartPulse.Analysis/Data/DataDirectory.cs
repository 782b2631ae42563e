namespace SmartPulse.Analysis.Data;

/// <summary>
/// Finds a dataset file wherever the code runs from: the <c>SMARTPULSE_DATA</c> environment variable
/// if set, else the first <c>data/</c> folder holding the requested file found walking up from the
/// current directory, then from the application's base directory (the repository's <c>data/</c>),
/// else the copy bundled in SmartPulse.Analysis (<see cref="BundledData"/>, for the four walkthrough
/// datasets: works from any folder and from the installed tool).
/// </summary>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "SMARTPULSE_DATA";

    /// <summary>Returns the full path of <paramref name="fileName"/> in the data folder.</summary>
    /// <exception cref="FileNotFoundException">No data folder with the file was found; the message lists where it looked.</exception>
    public static string Resolve(string fileName) => Resolve(fileName, [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>Resolve with the folders to walk up from (tests).</summary>
    internal static string Resolve(string fileName, IEnumerable<string> starts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var searched = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var candidate = Path.GetFullPath(Path.Combine(fromEnvironment, fileName));
            if (File.Exists(candidate))
            {
                return candidate;
            }

            searched.Add(Path.GetFullPath(fromEnvironment) + $" (from {EnvironmentVariable})");
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var dataDir = Path.Combine(dir.FullName, "data");
                var candidate = Path.Combine(dataDir, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                if (Directory.Exists(dataDir))
                {
                    searched.Add(dataDir);
                }
            }
        }

        if (BundledData.Contains(fileName))
        {
            return BundledData.Extract(fileName);
        }

        var where = searched.Count == 0 ? "no data/ folder above " + Environment.CurrentDirectory : string.Join(", ", searched.Distinct());
        throw new FileNotFoundException(
            $"Dataset file '{fileName}' not found. Looked in: {where}. It is not one of the bundled datasets ({string.Join(", ", BundledData.FileNames)}); set {EnvironmentVariable} to the folder that holds it, or pass the file's path.",
            fileName);
    }
}
