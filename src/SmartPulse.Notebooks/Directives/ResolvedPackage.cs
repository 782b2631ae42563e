using System.Reflection;

namespace SmartPulse.Notebooks.Directives;

/// <summary>The outcome of resolving one <c>#r "nuget: ..."</c> directive.</summary>
/// <param name="Name">The package name as requested.</param>
/// <param name="Version">The version bound: the host assembly's version or the restored package version.</param>
/// <param name="HostAssemblies">
/// When the host already carries the package: its assembly and the non-framework assemblies it
/// depends on, all loaded in the host's context (the script binds to these, not to copies).
/// </param>
/// <param name="AssemblyPaths">When restored: the runtime assemblies of the package and its dependencies.</param>
/// <param name="FromCache">Whether a restore was served from the package cache without running <c>dotnet restore</c>.</param>
/// <param name="Warning">
/// Set when the directive asked for something other than what was bound: a version or package source that differs
/// from the copy the host carries (the host's copy is bound all the same, so types stay shared).
/// </param>
public sealed record ResolvedPackage(
    string Name,
    string Version,
    IReadOnlyList<Assembly> HostAssemblies,
    IReadOnlyList<string> AssemblyPaths,
    bool FromCache,
    string? Warning = null)
{
    /// <summary>Whether the package bound to assemblies the host already carries.</summary>
    public bool IsHostPackage => HostAssemblies.Count > 0;
}
