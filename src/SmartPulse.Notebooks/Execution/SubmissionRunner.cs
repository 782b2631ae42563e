using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Compiles a cell as the next submission of a script chain and runs it. A cell with compile errors
/// is not run (its diagnostics are returned, the chain is unchanged); otherwise its loops get a
/// cancellation check (<see cref="LoopInstrumentation"/>) so a timed-out or interrupted cell really
/// stops, and it runs from the previous submission's state. Exceptions the cell throws end up in the
/// returned state, which keeps the variables assigned before the throw.
/// </summary>
internal static class SubmissionRunner
{
    /// <summary>Compiles and runs <paramref name="code"/> after <paramref name="previous"/> (or as the first submission).</summary>
    /// <returns>The new state (null when the cell does not compile) and the compile diagnostics.</returns>
    public static async Task<(ScriptState<object>? State, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(
        ScriptState<object>? previous,
        string code,
        ScriptOptions options,
        InteractiveAssemblyLoader loader,
        NotebookGlobals globals,
        CancellationToken cancellationToken)
    {
        var script = Create(previous, code, options, loader);
        var diagnostics = script.Compile(cancellationToken);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (null, diagnostics);
        }

        if (LoopInstrumentation.TryInstrument(code, out var instrumented))
        {
            script = Create(previous, instrumented, options, loader);
        }

        var state = previous is null
            ? await script.RunAsync(globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(previous, _ => true, cancellationToken).ConfigureAwait(false);
        return (state, diagnostics);
    }

    private static Script<object> Create(ScriptState<object>? previous, string code, ScriptOptions options, InteractiveAssemblyLoader loader) =>
        previous is null
            ? CSharpScript.Create(code, options, typeof(NotebookGlobals), loader)
            : previous.Script.ContinueWith(code, options);
}
