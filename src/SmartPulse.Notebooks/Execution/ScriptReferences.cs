using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Notebooks.Directives;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// What a <see cref="ScriptSession"/>'s submissions compile against: the framework assemblies, host
/// assemblies (bound to the copy the host has loaded, so types stay shared), <c>#r "file.dll"</c>
/// files, <c>#r "nuget: ..."</c> packages from the <c>#i</c> sources, and the imports they bring. Each
/// reference is added once; <see cref="Options"/> is what the next submission compiles with.
/// </summary>
internal sealed class ScriptReferences : IDisposable
{
    private static readonly object _referencesGate = new();
    private static IReadOnlyList<MetadataReference>? _baseReferences;

    private readonly ScriptSessionOptions _session;
    private readonly PackageResolver _resolver;
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referencedPaths = new(StringComparer.Ordinal);
    private readonly List<ResolvedPackage> _packages = [];
    private int _chained;

    /// <summary>The framework references, the session's imports and its host assemblies.</summary>
    public ScriptReferences(ScriptSessionOptions session)
    {
        _session = session;
        _resolver = new PackageResolver(session.PackageCacheDirectory);
        Options = ScriptOptions.Default
            .WithReferences(BaseReferences())
            .WithImports(session.Imports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithAllowUnsafe(true)
            .WithCheckOverflow(false);
        foreach (var assembly in new[] { typeof(ScriptSession).Assembly, typeof(Formatter).Assembly, typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly }.Concat(session.References))
        {
            AddHostAssembly(assembly);
        }
    }

    /// <summary>Loads each submission's assembly and resolves its references to the host's loaded assemblies.</summary>
    public InteractiveAssemblyLoader Loader { get; } = new();

    /// <summary>The options the next submission compiles with.</summary>
    public ScriptOptions Options { get; private set; }

    /// <summary>Packages referenced so far with <c>#r "nuget: ..."</c>.</summary>
    public IReadOnlyList<ResolvedPackage> Packages => _packages;

    /// <summary>
    /// The options for the next submission: every reference for the first one; for a continuation only
    /// the references added since the chain's last submission. Roslyn appends the previous submission's
    /// references to each submission's own list and keeps the duplicates, so passing them all again made
    /// submission N hold N × (about 180) references: quadratic memory and time over a long notebook.
    /// </summary>
    /// <param name="continuation">Whether the submission continues a chain (has a previous submission).</param>
    /// <param name="filePath">The name used in stack traces.</param>
    /// <param name="references">How many references the chain holds once this submission joins it (pass to <see cref="Chained"/>).</param>
    /// <returns>The options.</returns>
    public ScriptOptions ForSubmission(bool continuation, string filePath, out int references)
    {
        var all = Options.MetadataReferences;
        references = all.Length;
        var options = Options.WithFilePath(filePath);
        return continuation ? options.WithReferences(all.Skip(_chained)) : options;
    }

    /// <summary>Records that a submission made with <see cref="ForSubmission"/> became the chain's last one.</summary>
    /// <param name="references">Its <c>references</c> count.</param>
    public void Chained(int references) => _chained = references;

    /// <inheritdoc/>
    public void Dispose() => Loader.Dispose();

    private static IReadOnlyList<MetadataReference> BaseReferences()
    {
        lock (_referencesGate)
        {
            // ~170 framework assemblies: reading their metadata is a noticeable part of start-up, so use both cores.
            return _baseReferences ??= [.. HostAssemblies.FrameworkAssemblyPaths().AsParallel().AsOrdered().Select(p => MetadataReference.CreateFromFile(p))];
        }
    }

    /// <summary>Applies a cell's <c>#r</c> / <c>#i</c> directives (packages are resolved, restored and referenced).</summary>
    /// <returns>The error output for a directive that failed, or null.</returns>
    public async Task<CellOutput?> ApplyAsync(ParsedCell parsed, OutputCollector collector, CancellationToken cancellationToken)
    {
        foreach (var directive in parsed.Directives)
        {
            switch (directive.Kind)
            {
                case DirectiveKind.NuGetSource:
                    if (!_sources.Contains(directive.Argument))
                    {
                        _sources.Add(directive.Argument);
                    }

                    break;
                case DirectiveKind.FileReference:
                    var baseDir = _session.BaseDirectory ?? Environment.CurrentDirectory;
                    var path = Path.GetFullPath(Path.Combine(baseDir, directive.Argument));
                    if (!File.Exists(path))
                    {
                        return ErrorOutputs.Engine(ErrorOutputs.DirectiveError, $"({directive.Line}): #r \"{directive.Argument}\": file not found at {path} (paths are relative to {baseDir}).");
                    }

                    // An assembly the host already carries (e.g. a path to SmartPulse.Analysis.dll under bin/)
                    // binds to the host's copy, as a #r "nuget:" of it would, so types stay shared.
                    string? simpleName;
                    try
                    {
                        simpleName = AssemblyName.GetAssemblyName(path).Name;
                    }
                    catch (BadImageFormatException)
                    {
                        return ErrorOutputs.Engine(ErrorOutputs.DirectiveError, $"({directive.Line}): #r \"{directive.Argument}\": {path} is not a .NET assembly.");
                    }

                    if (simpleName is not null && HostAssemblies.Find(simpleName) is { } host)
                    {
                        foreach (var assembly in HostAssemblies.Closure(host))
                        {
                            AddHostAssembly(assembly);
                        }
                    }
                    else
                    {
                        AddReferencePath(path);
                    }

                    break;
                case DirectiveKind.NuGetReference:
                    ResolvedPackage package;
                    try
                    {
                        package = await _resolver.ResolveAsync(directive.Argument, directive.Version, _sources, cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException e)
                    {
                        return ErrorOutputs.Engine(ErrorOutputs.DirectiveError, $"({directive.Line}): {e.Message}");
                    }

                    if (package.Warning is { } warning)
                    {
                        collector.Add(CellOutput.Stream("stderr", warning + "\n"));
                    }

                    foreach (var assembly in package.HostAssemblies)
                    {
                        AddHostAssembly(assembly);
                    }

                    foreach (var assemblyPath in package.AssemblyPaths)
                    {
                        AddReferencePath(assemblyPath);
                    }

                    if (!_packages.Any(p => string.Equals(p.Name, package.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        _packages.Add(package);
                        collector.Add(new CellOutput(CellOutput.DisplayDataType)
                        {
                            Data = new() { ["text/plain"] = $"Installed package {package.Name}, {package.Version}{(package.IsHostPackage ? " (from the host)" : "")}" },
                        });
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>References an assembly the host has loaded (the script binds to that copy) and imports the namespaces it declares for scripts.</summary>
    public void AddHostAssembly(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.Location.Length == 0 || HostAssemblies.IsFramework(assembly) || !_referencedPaths.Add(assembly.Location))
        {
            return;
        }

        Loader.RegisterDependency(assembly);
        Options = Options.AddReferences(MetadataReference.CreateFromFile(assembly.Location)).AddImports(ScriptImports.Declared(assembly));
    }

    private void AddReferencePath(string path)
    {
        if (_referencedPaths.Add(path))
        {
            Options = Options.AddReferences(MetadataReference.CreateFromFile(path));
        }
    }
}
