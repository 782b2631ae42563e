using System.Reflection;

namespace SmartPulse.Notebooks.Directives;

/// <summary>
/// Finds assemblies the host process already carries: loaded ones, and ones the host's
/// dependency manifest lets the default load context resolve (for example SmartPulse.Analysis
/// next to the <c>smartpulse</c> tool, before any code touched it).
/// </summary>
internal static class HostAssemblies
{
    private static readonly string _frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>Finds the host's assembly named <paramref name="name"/>, loading it into the default context if needed.</summary>
    public static Assembly? Find(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase) && a.Location.Length > 0);
        if (loaded is not null)
        {
            return loaded;
        }

        var candidate = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (!File.Exists(candidate) && !IsTrustedPlatformAssembly(name))
        {
            return null;
        }

        try
        {
            return Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(candidate)));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The package version of a host assembly: its informational version without the "+commit" suffix, else its assembly version.</summary>
    public static string PackageVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString()
        ?? "";

    /// <summary>The assembly and the closure of its non-framework dependencies, loaded in the host.</summary>
    public static IReadOnlyList<Assembly> Closure(Assembly root)
    {
        var result = new List<Assembly>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Assembly>([root]);
        seen.Add(root.GetName().Name!);
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            result.Add(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                Assembly dependency;
                try
                {
                    dependency = Assembly.Load(reference);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    continue;
                }

                if (!dependency.IsDynamic && dependency.Location.Length > 0 && !IsFramework(dependency))
                {
                    queue.Enqueue(dependency);
                }
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="assembly"/> is part of the shared framework (already referenced by every session).</summary>
    public static bool IsFramework(Assembly assembly) =>
        string.Equals(Path.GetDirectoryName(assembly.Location), _frameworkDir, StringComparison.Ordinal);

    /// <summary>The shared framework's assemblies, the base references of every session.</summary>
    public static IReadOnlyList<string> FrameworkAssemblyPaths()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. tpa.Where(p => string.Equals(Path.GetDirectoryName(p), _frameworkDir, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsTrustedPlatformAssembly(string name)
    {
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return tpa.Split(Path.PathSeparator).Any(p =>
            string.Equals(Path.GetFileNameWithoutExtension(p), name, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Path.GetDirectoryName(p), _frameworkDir, StringComparison.Ordinal));
    }
}
