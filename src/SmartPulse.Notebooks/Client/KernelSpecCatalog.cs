namespace SmartPulse.Notebooks.Client;

/// <summary>
/// Finds installed Jupyter kernelspecs the way jupyter_client does: <c>kernels/NAME/kernel.json</c>
/// under each folder of <c>JUPYTER_PATH</c>, the user data directory, then the system folders
/// (<c>/usr/local/share/jupyter</c>, <c>/usr/share/jupyter</c>; <c>%PROGRAMDATA%\jupyter</c> on Windows).
/// Names are matched case-insensitively; the first folder that has the name wins.
/// </summary>
public static class KernelSpecCatalog
{
    /// <summary>The data folders searched, in order.</summary>
    /// <returns>Absolute folder paths (some may not exist).</returns>
    public static IReadOnlyList<string> SearchPath()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } jupyterPath)
        {
            folders.AddRange(jupyterPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        folders.Add(Kernel.KernelSpec.UserDataDirectory());
        if (OperatingSystem.IsWindows())
        {
            folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter"));
        }
        else
        {
            folders.Add("/usr/local/share/jupyter");
            folders.Add("/usr/share/jupyter");
        }

        return [.. folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The installed kernel names, sorted.</summary>
    /// <returns>Names (lower-cased folder names).</returns>
    public static IReadOnlyList<string> Installed() =>
    [
        .. SearchPath()
            .Select(f => Path.Combine(f, "kernels"))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => File.Exists(Path.Combine(d, "kernel.json")))
            .Select(d => Path.GetFileName(d).ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Finds the kernelspec <paramref name="name"/>.</summary>
    /// <param name="name">The kernel name, as in a notebook's <c>kernelspec.name</c> or <c>--kernel</c>.</param>
    /// <returns>How to start it, or null when it is not installed.</returns>
    /// <exception cref="FormatException">The kernelspec exists but its kernel.json is invalid.</exception>
    public static KernelLaunch? Find(string name)
    {
        foreach (var folder in SearchPath())
        {
            var kernels = Path.Combine(folder, "kernels");
            if (!Directory.Exists(kernels))
            {
                continue;
            }

            var match = Directory.EnumerateDirectories(kernels)
                .Where(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(d, "kernel.json")))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null)
            {
                return KernelLaunch.FromSpecDirectory(name, match);
            }
        }

        return null;
    }

    /// <summary>The error text for a kernel that is not installed: what is installed and how to install it.</summary>
    /// <param name="name">The missing kernel name.</param>
    /// <returns>The message.</returns>
    public static string MissingMessage(string name)
    {
        var installed = Installed();
        var hint = name.ToLowerInvariant() switch
        {
            "python3" or "python" => "install it with: apt-get install python3-ipykernel (or: python3 -m pip install ipykernel && python3 -m ipykernel install --user)",
            "ir" => "install it with: R -e 'IRkernel::installspec()'",
            _ => $"install that kernel's Jupyter package and its kernelspec (check with: jupyter kernelspec list)",
        };
        return $"the kernelspec '{name}' is not installed here (installed: {(installed.Count == 0 ? "none" : string.Join(", ", installed))}; searched {string.Join(", ", SearchPath().Select(p => Path.Combine(p, "kernels")))}); {hint}, or pass --kernel with an installed name.";
    }
}
