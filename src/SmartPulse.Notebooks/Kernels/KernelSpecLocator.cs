using System.Text.Json;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// Finds installed Jupyter kernelspecs the way jupyter_client does: <c>$JUPYTER_PATH</c>, the user data
/// directory, then <c>/usr/local/share/jupyter</c> and <c>/usr/share/jupyter</c> (each <c>/kernels/NAME/kernel.json</c>).
/// </summary>
public static class KernelSpecLocator
{
    /// <summary>The folders searched for <c>kernels/</c>, in order.</summary>
    /// <param name="extra">Folders searched first (each holding <c>NAME/kernel.json</c>); null for none.</param>
    /// <returns>Absolute kernels folders.</returns>
    public static IReadOnlyList<string> SearchPath(IReadOnlyList<string>? extra = null)
    {
        var dirs = new List<string>(extra ?? []);
        if (Environment.GetEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } jp)
        {
            dirs.AddRange(jp.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "kernels")));
        }
        dirs.Add(Path.Combine(KernelSpec.UserDataDirectory(), "kernels"));
        dirs.Add("/usr/local/share/jupyter/kernels");
        dirs.Add("/usr/share/jupyter/kernels");
        return [.. dirs.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Installed kernelspec names, sorted.</summary>
    /// <param name="extra">Extra folders searched first.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Installed(IReadOnlyList<string>? extra = null) =>
        [.. SearchPath(extra).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateDirectories(d).Where(k => File.Exists(Path.Combine(k, "kernel.json"))).Select(Path.GetFileName))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Reads kernelspec <paramref name="name"/>; null when it is not installed.</summary>
    /// <param name="name">The kernelspec name (e.g. <c>python3</c>).</param>
    /// <param name="extra">Extra folders searched first.</param>
    /// <returns>The spec's <c>kernel.json</c> and its folder, or null.</returns>
    public static (JsonObject Spec, string Directory)? Find(string name, IReadOnlyList<string>? extra = null)
    {
        foreach (var dir in SearchPath(extra))
        {
            var file = Path.Combine(dir, name, "kernel.json");
            if (File.Exists(file))
            {
                try
                {
                    return (JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new MagicException($"{file} is not a JSON object."), Path.GetDirectoryName(file)!);
                }
                catch (JsonException e)
                {
                    throw new MagicException($"{file} is not valid JSON ({e.Message}); reinstall the kernel.");
                }
            }
        }
        return null;
    }

    /// <summary>How to install a missing kernelspec, for error messages and skipped notebooks.</summary>
    /// <param name="name">The kernelspec name.</param>
    /// <returns>An install hint.</returns>
    public static string InstallHint(string name) => name.StartsWith("python", StringComparison.Ordinal)
        ? "install it with `apt-get install python3-ipykernel python3-pandas python3-sklearn` (Debian) or `python3 -m pip install ipykernel`, then `python3 -m ipykernel install --user` if `jupyter kernelspec list` does not show python3"
        : $"install the Jupyter kernel that provides '{name}' and check `jupyter kernelspec list`";
}
