using System.Reflection;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Namespaces a library asks notebooks to import when it is referenced, so a notebook's first cell needs no
/// <c>using</c> lines: an assembly declares them with assembly metadata <c>SmartPulse.ScriptImports</c>, a
/// semicolon-separated list (in a project file: <c>&lt;AssemblyMetadata Include="SmartPulse.ScriptImports" Value="A.B;A.C" /&gt;</c>).
/// The engine adds them when a <c>#r "nuget: ..."</c> or <c>#r "file.dll"</c> binds to a host assembly that declares
/// them (and its dependencies). Hosts that do not know the convention (e.g. .NET Interactive) need the usings written out.
/// </summary>
public static class ScriptImports
{
    /// <summary>The assembly metadata key.</summary>
    public const string MetadataKey = "SmartPulse.ScriptImports";

    /// <summary>The namespaces <paramref name="assembly"/> declares, in declaration order (none when it declares none).</summary>
    public static IReadOnlyList<string> Declared(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == MetadataKey && a.Value is not null)
            .SelectMany(a => a.Value!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
    }
}
