using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FSharp.Compiler.Diagnostics;
using FSharp.Compiler.Interactive;
using Microsoft.FSharp.Core;
using SmartPulse.Notebooks.Directives;
using SmartPulse.Notebooks.Display;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// The <c>fsharp</c> subkernel: one F# Interactive session (FSharp.Compiler.Service) in this process.
/// A trailing expression becomes the <c>execute_result</c>; <c>printfn</c> goes to <c>stdout</c>; compile
/// errors report the cell's line and column; <c>#r "nuget: Name, Version"</c> resolves through the
/// engine's package resolver and references the package's assemblies.
/// </summary>
internal sealed partial class FSharpSubkernel : ISubkernel
{
    private readonly Shell.FsiEvaluationSession _session;
    private readonly StringWriter _fsiOut = new();
    private readonly StringWriter _fsiErr = new();
    private readonly string _baseDirectory;
    private readonly PackageResolver _resolver;
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    public FSharpSubkernel(string baseDirectory, string? packageCache, bool warm = false)
    {
        _baseDirectory = baseDirectory;
        _resolver = new PackageResolver(packageCache);
        var config = Shell.FsiEvaluationSession.GetDefaultConfiguration();
        string[] args = ["fsi.exe", "--noninteractive", "--nologo", "--quiet", "--gui-", "--readline-", "--multiemit-"];
        _session = Shell.FsiEvaluationSession.Create(config, args, new StringReader(""), _fsiOut, _fsiErr, FSharpOption<bool>.Some(true), null);
        if (warm)
        {
            // Background warm-up (CompositeKernelOptions.WarmUp): one throwaway evaluation and one formatted value
            // JIT the paths the first real cell takes. It binds only 'it', which #!who does not list.
            _session.EvalInteractionNonThrowing("()", null);
            MimeBundleFormatter.Format(0);
        }
    }

    public string Name => "fsharp";

    public string Description => "F# (FSharp.Compiler.Service 43.13.404, F# Interactive)";

    public IReadOnlyList<string> VariableNames =>
        [.. _session.GetBoundValues().Select(v => v.Name).Where(n => n != "it").Distinct().Order(StringComparer.Ordinal)];

    public async Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        var (code, packages) = ExtractNuGet(segment.Code);
        foreach (var (line, name, version) in packages)
        {
            ResolvedPackage package;
            try
            {
                package = await _resolver.ResolveAsync(name, version, [], context.CancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                context.Error(ErrorOutputs.Engine(ErrorOutputs.DirectiveError, $"({line}): {e.Message}"));
                return CellStatus.Error;
            }
            foreach (var path in package.HostAssemblies.Select(a => a.Location).Where(l => l.Length > 0).Concat(package.AssemblyPaths))
            {
                if (_referenced.Add(path))
                {
                    var (_, diagnostics) = _session.EvalInteractionNonThrowing($"#r @\"{path.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", null).ToValueTuple();
                    if (diagnostics.Any(d => d.Severity.IsError))
                    {
                        context.Error(Diagnostics(diagnostics));
                        return CellStatus.Error;
                    }
                }
            }
            context.Text($"Installed package {package.Name}, {package.Version}{(package.IsHostPackage ? " (from the host)" : "")}");
        }
        if (code.Trim().Length == 0)
        {
            return CellStatus.Ok;
        }

        var work = Task.Run(() =>
        {
            OutputCollector.Current = context.Collector;
            try
            {
                return _session.EvalInteractionNonThrowing(code, null).ToValueTuple();
            }
            finally
            {
                OutputCollector.Current = null;
            }
        });
        var delay = Task.Delay(context.Timeout ?? Timeout.InfiniteTimeSpan, context.CancellationToken);
        if (await Task.WhenAny(work, delay).ConfigureAwait(false) != work)
        {
            _session.Interrupt();
            var cancelled = context.CancellationToken.IsCancellationRequested;
            context.Error(ErrorOutputs.Engine(cancelled ? "OperationCanceledException" : ErrorOutputs.TimeoutError,
                cancelled ? "The cell was cancelled." : $"The F# cell did not finish within {context.Timeout!.Value.TotalSeconds:0.###} s; F# Interactive was interrupted."));
            return cancelled ? CellStatus.Cancelled : CellStatus.TimedOut;
        }
        var (result, diags) = await work.ConfigureAwait(false);
        if (diags.Any(d => d.Severity.IsError))
        {
            context.Error(Diagnostics(diags));
            return CellStatus.Error;
        }
        if (result.IsChoice2Of2)
        {
            var exception = ((FSharpChoice<FSharpOption<Shell.FsiValue>?, Exception>.Choice2Of2)result).Item;
            context.Error(ErrorOutputs.FromException(exception.InnerException is { } inner && exception.GetType().Name.Contains("Fsi", StringComparison.Ordinal) ? inner : exception));
            return CellStatus.Error;
        }
        var value = ((FSharpChoice<FSharpOption<Shell.FsiValue>?, Exception>.Choice1Of2)result).Item;
        if (FSharpOption<Shell.FsiValue>.get_IsSome(value) && value!.Value.ReflectionType != typeof(Unit) && value.Value.ReflectionValue is { } shown)
        {
            context.Collector.Add(new CellOutput(CellOutput.ExecuteResultType) { Data = MimeBundleFormatter.Format(shown), ExecutionCount = context.ExecutionCount });
        }
        return CellStatus.Ok;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var bound = _session.TryFindBoundValue(name);
        value = FSharpOption<Shell.FsiBoundValue>.get_IsSome(bound) ? bound!.Value.Value.ReflectionValue : null;
        return FSharpOption<Shell.FsiBoundValue>.get_IsSome(bound);
    }

    public Task SetVariableAsync(string name, object? value, KernelContext context)
    {
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new MagicException($"'{name}' is not a valid F# value name; use letters, digits, '_' and '''.");
        }
        // AddBoundValue would bind the runtime type (System.Private.CoreLib's double), which F# code compiled
        // against reference assemblies does not treat as its own float; declare a typed value instead.
        var type = CSharpTypeName.PublicType(value?.GetType());
        foreach (var assembly in CSharpTypeName.Assemblies(type).Append(typeof(VariableHandoff).Assembly).Where(a => !HostAssemblies.IsFramework(a) && a.Location.Length > 0))
        {
            Reference(assembly.Location);
        }
        var typeName = CSharpTypeName.Of(type).Replace("global::", "global.", StringComparison.Ordinal);
        var ticket = VariableHandoff.Put(value);
        var (_, diagnostics) = _session.EvalInteractionNonThrowing(
            $"let {name} : {typeName} = unbox<{typeName}> (SmartPulse.Notebooks.Kernels.VariableHandoff.Take({ticket.ToString(CultureInfo.InvariantCulture)}L))", null).ToValueTuple();
        if (diagnostics.Any(d => d.Severity.IsError))
        {
            throw new MagicException($"Could not declare '{name}' ({typeName}) in F#: {string.Join("; ", diagnostics.Where(d => d.Severity.IsError).Select(d => d.Message))}");
        }
        return Task.CompletedTask;
    }

    public JsonObject? Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = LanguageReplies.WordStart(code, cursor, withDots: true);
        var text = code[start..cursor];
        var dot = text.LastIndexOf('.');
        var matches = _session.GetCompletions(text).Distinct().Order(StringComparer.Ordinal).Take(500).ToList();
        return LanguageReplies.Completion(matches, dot >= 0 ? start + dot + 1 : start, cursor);
    }

    public JsonObject? Inspect(string code, int cursor, int detailLevel)
    {
        var word = LanguageReplies.WordAt(code, Math.Clamp(cursor, 0, code.Length));
        var bound = word.Length == 0 ? null : _session.TryFindBoundValue(word);
        if (bound is null || !FSharpOption<Shell.FsiBoundValue>.get_IsSome(bound))
        {
            return LanguageReplies.Inspection(null);
        }
        var v = bound.Value.Value;
        return LanguageReplies.Inspection($"val {word}: {v.FSharpType.Format(FSharp.Compiler.Symbols.FSharpDisplayContext.Empty)}\n{MimeBundleFormatter.Format(v.ReflectionValue)["text/plain"]}");
    }

    public void Dispose() => ((IDisposable)_session).Dispose();

    private void Reference(string path)
    {
        if (_referenced.Add(path))
        {
            _session.EvalInteractionNonThrowing($"#r @\"{path.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", null);
        }
    }

    private static CellOutput Diagnostics(IEnumerable<FSharpDiagnostic> diagnostics)
    {
        var lines = diagnostics
            .Where(d => d.Severity.IsError)
            .OrderBy(d => d.StartLine).ThenBy(d => d.StartColumn)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"({d.StartLine},{d.StartColumn + 1}): error {d.ErrorNumberText}: {d.Message}"))
            .Distinct()
            .ToList();
        return CellOutput.Error(ErrorOutputs.CompilationError, string.Join("\n", lines), lines);
    }

    private static (string Code, List<(int Line, string Name, string? Version)> Packages) ExtractNuGet(string code)
    {
        var lines = code.Split('\n');
        var packages = new List<(int, string, string?)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = NuGetPattern().Match(lines[i].Trim());
            if (match.Success)
            {
                var version = match.Groups["version"].Value.Trim();
                packages.Add((i + 1, match.Groups["name"].Value.Trim(), version.Length == 0 ? null : version));
                lines[i] = "";
            }
        }
        return (string.Join('\n', lines), packages);
    }

    [GeneratedRegex("^#r\\s+\"nuget:\\s*(?<name>[^,\"]+)(,(?<version>[^\"]*))?\"\\s*$")]
    private static partial Regex NuGetPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_']*$")]
    private static partial Regex IdentifierPattern();
}
