namespace SmartPulse.Notebooks.Client;

/// <summary>
/// Finds installed Jupyter kernelspecs the way jupyter_client does: <c>kernels/NAME/kernel.json</c>
/// under each folder of <c>JUPYTER_PATH</c>, the user data directory, then the system folders
/// (<c>/usr/local/share/jupyter</c>, <c>/usr/share/jupyter</c>; <c>%PROGRAMDATA%\jupyter</c> on Windows).
/// Names are matched case-insensitively; the first folder that has the name wins. Used by the runner
/// (a notebook's kernelspec) and by <c>#!connect jupyter --kernel-spec SPEC</c>, which may name extra
/// kernels folders searched first (<c>CompositeKernelOptions.KernelSpecDirectories</c>).
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

    /// <summary>The <c>kernels</c> folders searched, in order: <paramref name="extra"/> first, then <c>kernels/</c> under each data folder of <see cref="SearchPath"/>.</summary>
    /// <param name="extra">Folders holding <c>NAME/kernel.json</c>, searched first; null for none.</param>
    /// <returns>Absolute folder paths (some may not exist).</returns>
    public static IReadOnlyList<string> KernelFolders(IReadOnlyList<string>? extra = null) =>
        [.. (extra ?? []).Concat(SearchPath().Select(f => Path.Combine(f, "kernels"))).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];

    /// <summary>The installed kernel names, sorted.</summary>
    /// <param name="extra">Extra kernels folders searched first; null for none.</param>
    /// <returns>Names (lower-cased folder names).</returns>
    public static IReadOnlyList<string> Installed(IReadOnlyList<string>? extra = null) =>
    [
        .. KernelFolders(extra)
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => File.Exists(Path.Combine(d, "kernel.json")))
            .Select(d => Path.GetFileName(d).ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Finds the kernelspec <paramref name="name"/>.</summary>
    /// <param name="name">The kernel name, as in a notebook's <c>kernelspec.name</c>, <c>--kernel</c> or <c>--kernel-spec</c>.</param>
    /// <param name="extra">Extra kernels folders searched first; null for none.</param>
    /// <returns>How to start it, or null when it is not installed.</returns>
    /// <exception cref="FormatException">The kernelspec exists but its kernel.json is invalid.</exception>
    public static KernelLaunch? Find(string name, IReadOnlyList<string>? extra = null)
    {
        foreach (var kernels in KernelFolders(extra).Where(Directory.Exists))
        {
            var match = Directory.EnumerateDirectories(kernels)
                .Where(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(d, "kernel.json")))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null)
            {
                return KernelLaunch.FromSpecDirectory(Path.GetFileName(match), match);
            }
        }

        return null;
    }

    /// <summary>How to install a missing kernelspec, for error messages and skipped notebooks.</summary>
    /// <param name="name">The kernelspec name.</param>
    /// <returns>The hint, starting with "install".</returns>
    public static string InstallHint(string name) => name.ToLowerInvariant() switch
    {
        var p when p.StartsWith("python", StringComparison.Ordinal) =>
            "install it with `apt-get install python3-ipykernel python3-pandas python3-sklearn` (Debian) or `python3 -m pip install ipykernel`, then `python3 -m ipykernel install --user` if `jupyter kernelspec list` does not show python3",
        "ir" => "install it with `R -e 'IRkernel::installspec()'` and check `jupyter kernelspec list`",
        _ => $"install the Jupyter kernel that provides '{name}' and check `jupyter kernelspec list`",
    };

    /// <summary>The error text for a kernel that is not installed: what is installed and how to install it.</summary>
    /// <param name="name">The missing kernel name.</param>
    /// <returns>The message.</returns>
    public static string MissingMessage(string name)
    {
        var installed = Installed();
        return $"the kernelspec '{name}' is not installed here (installed: {(installed.Count == 0 ? "none" : string.Join(", ", installed))}; searched {string.Join(", ", KernelFolders())}); {InstallHint(name)}, or pass --kernel with an installed name.";
    }
}
