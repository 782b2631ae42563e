using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using SmartPulse.Notebooks.Directives;
using SmartPulse.Notebooks.Display;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// One C# script session (Roslyn scripting): cells run in order and later cells see earlier
/// cells' variables, types and references. It is the <c>csharp</c> subkernel of
/// <see cref="Kernels.CompositeKernel"/>, the engine's single execution entry that the headless runner
/// and the Jupyter kernel both call.
/// <para>
/// Per cell: directives are resolved (<see cref="DirectiveParser"/>, <see cref="PackageResolver"/>),
/// the rest is compiled as a submission and run. Outputs: trailing expression → <c>execute_result</c>
/// (always with <c>text/plain</c>); <c>display(x)</c> / <c>x.Display()</c> → <c>display_data</c>;
/// console writes → <c>stream</c>; exceptions and compile errors → <c>error</c>. A cell that throws
/// still keeps the variables it assigned before throwing (as .NET Interactive does); a cell that
/// fails to compile or times out leaves the state as it was.
/// </para>
/// </summary>
public sealed class ScriptSession : IDisposable
{
    private static int _formatterWarmedUp;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly NotebookGlobals _globals = new();
    private readonly ScriptReferences _references;
    private ScriptState<object>? _state;
    private bool _disposed;

    /// <summary>Creates a session; nothing is compiled until the first cell.</summary>
    /// <param name="options">Settings; null for defaults.</param>
    public ScriptSession(ScriptSessionOptions? options = null)
    {
        Options = options ?? new ScriptSessionOptions();
        _references = new ScriptReferences(Options);
        ConsoleRouter.EnsureInstalled();
        if (Interlocked.Exchange(ref _formatterWarmedUp, 1) == 0)
        {
            // The Formatting package's first use costs ~0.2 s (static registration, reflection);
            // do it on the other core while the first cell compiles.
            _ = Task.Run(() => MimeBundleFormatter.Format(0));
        }
    }

    /// <summary>The settings.</summary>
    public ScriptSessionOptions Options { get; }

    /// <summary>How many cells were submitted (the next cell gets <c>ExecutionCount + 1</c>).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>Packages referenced so far with <c>#r "nuget: ..."</c>.</summary>
    public IReadOnlyList<ResolvedPackage> Packages => _references.Packages;

    /// <summary>The names of the variables defined so far (latest definition of each), for kernels and tooling.</summary>
    public IReadOnlyList<string> VariableNames =>
        _state is null ? [] : [.. _state.Variables.Select(v => v.Name).Distinct()];

    /// <summary>The current value of the variable <paramref name="name"/>.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="value">Its value when defined.</param>
    /// <returns>Whether the variable exists.</returns>
    public bool TryGetVariable(string name, out object? value)
    {
        var variable = _state?.GetVariable(name);
        value = variable?.Value;
        return variable is not null;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is a complete C# submission (Jupyter's <c>is_complete</c>):
    /// false while a brace, string or statement is still open. Directive lines are ignored.
    /// </summary>
    /// <param name="code">The cell text typed so far.</param>
    /// <returns><see langword="true"/> when the text can be submitted as is.</returns>
    public static bool IsCompleteSubmission(string code)
    {
        var parsed = DirectiveParser.Parse(code);
        var tree = CSharpSyntaxTree.ParseText(parsed.Code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest));
        return SyntaxFactory.IsCompleteSubmission(tree);
    }

    /// <summary>
    /// The Roslyn compilation <paramref name="code"/> would get as the next submission of this
    /// session (previous cells, references and imports included; directive lines blanked, so positions
    /// in <paramref name="code"/> are positions in the single syntax tree of the returned compilation's
    /// last submission). For completion and inspection: use its semantic model's <c>LookupSymbols</c> /
    /// <c>GetSymbolInfo</c> at the cursor. Nothing is executed.
    /// </summary>
    /// <param name="code">The cell text.</param>
    /// <returns>The compilation.</returns>
    public Compilation GetCompilation(string code)
    {
        var parsed = DirectiveParser.Parse(code);
        var options = _references.ForSubmission(_state is not null, "", out _);
        var script = _state is null
            ? CSharpScript.Create(parsed.Code, options, typeof(NotebookGlobals), _references.Loader)
            : _state.Script.ContinueWith(parsed.Code, options);
        return script.GetCompilation();
    }

    /// <summary>
    /// Loads and jits Roslyn, the script host and the formatter before the first cell (a kernel calls this while it
    /// waits): two hidden <c>1+1</c> submissions take the cells' path, the first binding the references (the costly
    /// part of a first compilation), the second a continuation; the chain keeps them, so the first real cell is a
    /// cheap continuation. No variables, no execution count; nothing once a cell ran. A cell submitted meanwhile waits.
    /// </summary>
    /// <returns>A task.</returns>
    public async Task WarmUpAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await Task.Run(async () =>
            {
                ScriptState<object>? state = null;
                for (var i = 0; i < 2 && _state is null; i++)
                {
                    var options = _references.ForSubmission(state is not null, "warm-up", out var references);
                    var (next, _) = await SubmissionRunner.RunAsync(state, "1+1", options, _references.Loader, _globals, CancellationToken.None).ConfigureAwait(false);
                    if (next is not { Exception: null })
                    {
                        return;
                    }

                    state = next;
                    _references.Chained(references);
                    MimeBundleFormatter.Format(next.ReturnValue);
                }

                _state ??= state;
                _ = LoopInstrumentation.TryInstrument("for (;;) { }", out _);
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CompilationErrorException or InvalidOperationException)
        {
            // Warming is best effort; the first cell reports any real problem.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one cell.</summary>
    /// <param name="code">The cell's source (directives included).</param>
    /// <param name="observer">Receives outputs as they are produced; may be null.</param>
    /// <param name="timeout">
    /// Longest the cell may run; null for no limit. On timeout the cell's loops stop at their next
    /// iteration (each loop body starts with a cancellation check); other blocked code is abandoned.
    /// </param>
    /// <param name="cellName">Name used in stack traces (<c>in {cellName}:line N</c>); null for <c>cell {count}</c>.</param>
    /// <param name="cancellationToken">Cancels the cell (status <see cref="CellStatus.Cancelled"/>).</param>
    /// <returns>The outcome and outputs.</returns>
    /// <remarks>Calls are serialised: a second call waits until the first has finished (or timed out).</remarks>
    public async Task<CellExecutionResult> ExecuteAsync(
        string code,
        ICellOutputObserver? observer = null,
        TimeSpan? timeout = null,
        string? cellName = null,
        CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted while waiting for the previous cell (or the warm-up) to finish: nothing ran.
            var error = ErrorOutputs.Engine("OperationCanceledException", "The cell was cancelled before it started; nothing ran.");
            observer?.OnOutput(error);
            return new CellExecutionResult(CellStatus.Cancelled, ExecutionCount, [error], TimeSpan.Zero);
        }

        try
        {
            return await ExecuteCoreAsync(code, observer, timeout, cellName, ExecutionCount + 1, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one cell under an execution count chosen by the caller (the composite kernel's counter).</summary>
    internal async Task<CellExecutionResult> ExecuteWithCountAsync(string code, ICellOutputObserver? observer, TimeSpan? timeout, string? cellName, int executionCount, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteCoreAsync(code, observer, timeout, cellName, executionCount, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Declares (or redeclares) the variable <paramref name="name"/> holding <paramref name="value"/>,
    /// typed as the value's runtime type when that type is public (else its nearest public base type),
    /// through a hidden submission that produces no output and does not advance the execution count.
    /// </summary>
    internal async Task SetVariableAsync(string name, object? value, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            throw new Kernels.MagicException($"'{name}' is not a valid C# variable name; use letters, digits and '_' (not starting with a digit, not a keyword).");
        }
        var type = Kernels.CSharpTypeName.PublicType(value?.GetType());
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var assembly in Kernels.CSharpTypeName.Assemblies(type))
            {
                _references.AddHostAssembly(assembly);
            }
            var ticket = Kernels.VariableHandoff.Put(value);
            var code = $"{Kernels.CSharpTypeName.Of(type)} {name} = ({Kernels.CSharpTypeName.Of(type)})global::SmartPulse.Notebooks.Kernels.VariableHandoff.Take({ticket});";
            var options = _references.ForSubmission(_state is not null, "#!set", out var references);
            _state = _state is null
                ? await CSharpScript.Create(code, options, typeof(NotebookGlobals), _references.Loader).RunAsync(_globals, cancellationToken).ConfigureAwait(false)
                : await _state.ContinueWithAsync(code, options, cancellationToken).ConfigureAwait(false);
            _references.Chained(references);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CellExecutionResult> ExecuteCoreAsync(
        string code,
        ICellOutputObserver? observer,
        TimeSpan? timeout,
        string? cellName,
        int executionCount,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var count = ExecutionCount = executionCount;
        var cellCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var collector = new OutputCollector(count, observer, cellCancellation.Token);
        CellExecutionResult Finish(CellStatus status)
        {
            var outputs = collector.Snapshot();
            collector.Close(); // late writes from tasks the cell left running are dropped, not attributed to a finished cell
            return new(status, count, outputs, stopwatch.Elapsed);
        }

        CellExecutionResult Fail(CellOutput error)
        {
            collector.Add(error);
            return Finish(CellStatus.Error);
        }

        var parsed = DirectiveParser.Parse(code);
        if (parsed.KernelName is { } kernel && kernel != KernelNames.CSharp)
        {
            return Fail(ErrorOutputs.Engine(
                ErrorOutputs.UnsupportedKernel,
                $"#!{kernel} cells are not supported: this engine runs C# only (kernel 'csharp'). Port the cell to C# or run the notebook in Polyglot Notebooks."));
        }

        if (parsed.Errors.Count > 0)
        {
            return Fail(ErrorOutputs.Engine(ErrorOutputs.DirectiveError, string.Join("\n", parsed.Errors)));
        }

        if (parsed.Directives.FirstOrDefault(d => d.Kind == DirectiveKind.UnsupportedMagic) is { } magic)
        {
            return Fail(ErrorOutputs.Engine(
                ErrorOutputs.DirectiveError,
                $"({magic.Line}): the magic command {magic.Argument} is not supported; supported directives are #r \"nuget: Name, Version\", #r \"file.dll\", #i \"nuget: source\" and #!time."));
        }

        var directiveError = await _references.ApplyAsync(parsed, collector, cancellationToken).ConfigureAwait(false);
        if (directiveError is not null)
        {
            return Fail(directiveError);
        }

        var timed = parsed.Directives.Any(d => d.Kind == DirectiveKind.Time);
        if (string.IsNullOrWhiteSpace(parsed.Code))
        {
            AddTime(timed, collector, stopwatch);
            return Finish(CellStatus.Ok);
        }

        var previous = _state;
        var options = _references.ForSubmission(previous is not null, cellName ?? $"cell {count}", out var references);
        var work = Task.Run(
            async () =>
            {
                OutputCollector.Current = collector;
                return await SubmissionRunner.RunAsync(previous, parsed.Code, options, _references.Loader, _globals, cancellationToken).ConfigureAwait(false);
            },
            CancellationToken.None);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout ?? Timeout.InfiniteTimeSpan, stop.Token);
        var finished = await Task.WhenAny(work, delay).ConfigureAwait(false);
        if (finished != work)
        {
            await cellCancellation.CancelAsync().ConfigureAwait(false);
            collector.Close();
            var outputs = collector.Snapshot();
            var cancelled = cancellationToken.IsCancellationRequested;
            var error = cancelled
                ? ErrorOutputs.Engine("OperationCanceledException", "The cell was interrupted while running code outside a loop (a sleep, a blocking call, a long library call). That code cannot be stopped: it goes on in the background until it ends, its console output is still shown, and the session continues from the state before the cell.")
                : ErrorOutputs.Engine(ErrorOutputs.TimeoutError, $"The cell did not finish within {timeout!.Value.TotalSeconds:0.###} s. It was cancelled (its loops stop at their next iteration; other code is abandoned) and the session continues from the state before it.");
            observer?.OnOutput(error);
            return new CellExecutionResult(cancelled ? CellStatus.Cancelled : CellStatus.TimedOut, count, [.. outputs, error], stopwatch.Elapsed);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        cellCancellation.Dispose();
        (ScriptState<object>? State, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) outcome;
        try
        {
            outcome = await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ErrorOutputs.Engine("OperationCanceledException", "The cell was cancelled."));
        }
        catch (CompilationErrorException e)
        {
            return Fail(ErrorOutputs.FromDiagnostics(e.Diagnostics));
        }

        if (outcome.State is null)
        {
            return Fail(ErrorOutputs.FromDiagnostics(outcome.Diagnostics));
        }

        _state = outcome.State;
        _references.Chained(references);
        if (outcome.State.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            collector.Add(ErrorOutputs.Engine("OperationCanceledException", "The cell was cancelled."));
            return Finish(CellStatus.Cancelled);
        }

        if (outcome.State.Exception is { } exception)
        {
            return Fail(ErrorOutputs.FromException(exception));
        }

        if (outcome.State.ReturnValue is { } value and not DisplayedValue)
        {
            try
            {
                collector.Add(new CellOutput(CellOutput.ExecuteResultType)
                {
                    Data = MimeBundleFormatter.Format(value),
                    ExecutionCount = count,
                });
            }
            catch (Exception e)
            {
                return Fail(ErrorOutputs.FromException(e));
            }
        }

        AddTime(timed, collector, stopwatch);
        return Finish(CellStatus.Ok);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _references.Dispose();
            _gate.Dispose();
        }
    }

    private static void AddTime(bool timed, OutputCollector collector, Stopwatch stopwatch)
    {
        if (timed)
        {
            collector.Add(new CellOutput(CellOutput.DisplayDataType)
            {
                Data = new() { ["text/plain"] = $"Wall time: {stopwatch.Elapsed.TotalMilliseconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}ms" },
            });
        }
    }
}
