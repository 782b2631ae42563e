using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SmartPulse.DuckDb;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// The engine's single execution entry (the headless runner and the Jupyter kernel both call
/// <see cref="ExecuteAsync"/>): a composite of subkernels as in .NET Interactive — <c>csharp</c>
/// (Roslyn), <c>fsharp</c> (F# Interactive), <c>sql</c> (DuckDB), <c>html</c>, <c>javascript</c>,
/// <c>markdown</c>, <c>mermaid</c>, <c>value</c>, plus kernels added with <c>#!connect duckdb</c> /
/// <c>#!connect jupyter</c>. A cell goes to the kernel its metadata names (the <c>kernelName</c>
/// argument) or its first line <c>#!name</c>; a later <c>#!name</c> line switches kernel mid-cell.
/// Magic commands (<c>#!lsmagic</c>, <c>#!about</c>, <c>#!who</c>, <c>#!whos</c>, <c>#!set</c>,
/// <c>#!share</c>, <c>#!time</c>, <c>#!connect</c>, each with <c>-h</c>) run before the code of their
/// part of the cell, in order. One execution counter spans all kernels.
/// </summary>
public sealed class CompositeKernel : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ISubkernel> _kernels = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly MagicRunner _magics;
    private bool _disposed;

    /// <summary>Creates the kernel; subkernels start on first use.</summary>
    /// <param name="options">Settings; null for defaults.</param>
    public CompositeKernel(CompositeKernelOptions? options = null)
    {
        Options = options ?? new CompositeKernelOptions();
        if (Options.WarmUp.FirstOrDefault(n => !KernelRequirements.WarmableKernels.Contains(n)) is { } notLazy)
        {
            throw new ArgumentException($"CompositeKernelOptions.WarmUp names '{notLazy}', which is not a kernel that starts on first use; use fsharp or sql.", nameof(options));
        }
        CSharp = new ScriptSession(Options.Session);
        BaseDirectory = Path.GetFullPath(Options.Session.BaseDirectory ?? Environment.CurrentDirectory);
        Add(new CSharpSubkernel(CSharp));
        var warmFSharp = Options.WarmUp.Contains("fsharp");
        Add(new LazySubkernel("fsharp", "F# (FSharp.Compiler.Service, F# Interactive)", () => new FSharpSubkernel(BaseDirectory, Options.Session.PackageCacheDirectory, warmFSharp)));
        Add(new LazySubkernel("sql", "SQL (DuckDB, in memory)", () => new SqlSubkernel("sql", null)));
        Add(new MimeSubkernel("html", "HTML (text/html display)", t => new JsonObject { ["text/html"] = t, ["text/plain"] = t }));
        Add(new MimeSubkernel("javascript", "JavaScript (application/javascript display)", t => new JsonObject { ["application/javascript"] = t, ["text/plain"] = t }));
        Add(new MimeSubkernel("markdown", "Markdown (text/markdown display)", t => new JsonObject { ["text/markdown"] = t, ["text/plain"] = t }));
        Add(new MimeSubkernel("mermaid", "Mermaid diagrams (text/vnd.mermaid + HTML fallback)", Mermaid.Bundle));
        Add(new ValueSubkernel(BaseDirectory));
        _magics = new MagicRunner(this);
        foreach (var name in Options.WarmUp)
        {
            var lazy = (LazySubkernel)_kernels[name];
            // A failed start is kept by the Lazy and reported by the first cell that uses the kernel.
            _ = Task.Run(() => lazy.TryStart());
        }
    }

    /// <summary>The settings.</summary>
    public CompositeKernelOptions Options { get; }

    /// <summary>The C# subkernel's session (for C# language services).</summary>
    public ScriptSession CSharp { get; }

    /// <summary>How many cells were executed (the next gets <c>ExecutionCount + 1</c>).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The kernel names, built-in first, then connected ones in connection order.</summary>
    public IReadOnlyList<string> KernelNames => _order;

    internal string BaseDirectory { get; }

    /// <summary>Runs one cell.</summary>
    /// <param name="code">The cell's source, magics and kernel switches included.</param>
    /// <param name="observer">Receives outputs as they are produced; may be null.</param>
    /// <param name="timeout">Longest a C# part may run; null for no limit.</param>
    /// <param name="cellName">Name used in C# stack traces; null for <c>cell {count}</c>.</param>
    /// <param name="kernelName">The cell's kernel from its metadata; null for <c>csharp</c>. A first line <c>#!name</c> overrides it.</param>
    /// <param name="cancellationToken">Cancels the cell.</param>
    /// <returns>The outcome and outputs.</returns>
    public async Task<CellExecutionResult> ExecuteAsync(string code, ICellOutputObserver? observer = null, TimeSpan? timeout = null, string? cellName = null, string? kernelName = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var count = ++ExecutionCount;
            var collector = new OutputCollector(count, observer, cancellationToken, "kernel-display");
            var context = new KernelContext(this, collector, new ForwardingObserver(collector), count, timeout, cellName, cancellationToken);
            var status = await RunSegmentsAsync(code, kernelName, context, out var timed).ConfigureAwait(false);
            if (timed && status == CellStatus.Ok)
            {
                context.Text($"Wall time: {stopwatch.Elapsed.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)}ms");
            }
            var outputs = collector.Snapshot();
            collector.Close();
            return new CellExecutionResult(status, count, outputs, stopwatch.Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads variable <paramref name="name"/> of kernel <paramref name="kernelName"/>.</summary>
    /// <param name="kernelName">A kernel name or alias.</param>
    /// <param name="name">The variable.</param>
    /// <param name="value">Its value when found.</param>
    /// <returns>Whether the kernel exists and holds the variable.</returns>
    public bool TryGetVariable(string kernelName, string name, out object? value)
    {
        value = null;
        return TryFind(kernelName, out var kernel) && kernel.TryGetVariable(name, out value);
    }

    /// <summary>
    /// The names of the variables kernel <paramref name="kernelName"/> holds, in its stable order: what
    /// <c>#!who</c> lists there. A kernel that has not started yet (F#, SQL before first use) holds none
    /// and is not started by this call. Read values with <see cref="TryGetVariable"/>.
    /// </summary>
    /// <param name="kernelName">A kernel name or alias (see <see cref="KernelNames"/>).</param>
    /// <returns>The variable names; empty when the kernel holds none.</returns>
    /// <exception cref="ArgumentException">No kernel has that name; the message lists the kernels.</exception>
    public IReadOnlyList<string> VariableNames(string kernelName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return TryFind(kernelName, out var kernel)
            ? kernel.VariableNames
            : throw new ArgumentException($"unknown kernel '{kernelName}'. Kernels here: {string.Join(", ", _order)}.", nameof(kernelName));
    }

    /// <summary>complete_reply content for the cell's kernel (C# through Roslyn, F# through FCS, SQL tables/columns/keywords).</summary>
    /// <param name="code">The cell text.</param>
    /// <param name="cursor">The cursor offset.</param>
    /// <param name="kernelName">The cell's kernel from metadata; null for C#.</param>
    /// <returns>The reply content.</returns>
    public JsonObject Complete(string code, int cursor, string? kernelName = null)
    {
        var (kernel, local, at) = KernelAt(code, cursor, kernelName);
        return kernel?.Complete(local, at)
            ?? new JsonObject { ["status"] = "ok", ["matches"] = new JsonArray(), ["cursor_start"] = cursor, ["cursor_end"] = cursor, ["metadata"] = new JsonObject() };
    }

    /// <summary>inspect_reply content for the cell's kernel.</summary>
    /// <param name="code">The cell text.</param>
    /// <param name="cursor">The cursor offset.</param>
    /// <param name="detailLevel">0 or 1.</param>
    /// <param name="kernelName">The cell's kernel from metadata; null for C#.</param>
    /// <returns>The reply content.</returns>
    public JsonObject Inspect(string code, int cursor, int detailLevel, string? kernelName = null)
    {
        var (kernel, local, at) = KernelAt(code, cursor, kernelName);
        return kernel?.Inspect(local, at, detailLevel)
            ?? new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
    }

    /// <summary>The kernel name a cell's text routes to (first-line switch, else <paramref name="kernelName"/>, else csharp).</summary>
    /// <param name="code">The cell text.</param>
    /// <param name="kernelName">The kernel from metadata, if any.</param>
    /// <returns>The canonical name.</returns>
    public string KernelOf(string code, string? kernelName = null)
    {
        var segments = CellSegment.Split(code, kernelName ?? "csharp", IsKernelName);
        return segments.Count == 0 ? Canonical(kernelName ?? "csharp") : Canonical(segments[0].KernelName);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var name in _order)
        {
            _kernels[name].Dispose();
        }
        _gate.Dispose();
    }

    internal IEnumerable<ISubkernel> Kernels => _order.Select(n => _kernels[n]);

    internal void Add(ISubkernel kernel)
    {
        if (_kernels.ContainsKey(kernel.Name) || MagicRunner.Names.Contains(kernel.Name))
        {
            throw new MagicException($"A kernel or magic named '{kernel.Name}' already exists ({string.Join(", ", _order)}); choose another --kernel-name.");
        }
        _kernels[kernel.Name] = kernel;
        _order.Add(kernel.Name);
    }

    internal bool TryFind(string name, out ISubkernel kernel) => _kernels.TryGetValue(Canonical(name), out kernel!);

    internal ISubkernel Find(string name, int line)
    {
        if (TryFind(name, out var kernel))
        {
            return kernel;
        }
        var hint = Documents.KernelNames.Normalize(name) switch
        {
            "pwsh" => " PowerShell is not part of this engine; port the cell to C# or connect a Jupyter kernel that runs it (#!connect jupyter --kernel-name pwsh --kernel-spec <spec>).",
            "python" => " Connect one first: #!connect jupyter --kernel-name python --kernel-spec python3.",
            _ => "",
        };
        throw new MagicException($"({line}): unknown kernel '{name}'. Kernels here: {string.Join(", ", _order)}.{hint}", ErrorOutputs.UnsupportedKernel);
    }

    internal bool IsKernelName(string name) => _kernels.ContainsKey(Canonical(name)) || (Documents.KernelNames.IsKnown(name) && Documents.KernelNames.Normalize(name) != "value");

    private string Canonical(string name) => _kernels.ContainsKey(name) ? name : Documents.KernelNames.Normalize(name);

    private Task<CellStatus> RunSegmentsAsync(string code, string? kernelName, KernelContext context, out bool timed)
    {
        List<CellSegment> segments;
        try
        {
            segments = CellSegment.Split(code, kernelName is null or "" ? "csharp" : kernelName, IsKernelName);
        }
        catch (MagicException e)
        {
            context.Error(ErrorOutputs.Engine(ErrorOutputs.DirectiveError, e.Message));
            timed = false;
            return Task.FromResult(CellStatus.Error);
        }
        timed = segments.Any(s => s.Magics.Any(m => m.Name == "time"));
        return RunAsync(segments, context);
    }

    private async Task<CellStatus> RunAsync(List<CellSegment> segments, KernelContext context)
    {
        foreach (var segment in segments)
        {
            try
            {
                var kernel = Find(segment.KernelName, segment.FirstLine);
                if (segment.Options is { WantsHelp: true })
                {
                    context.Text(MagicHelp.ForKernel(kernel));
                    continue;
                }
                segment.Options?.CheckOptions(kernel.SwitchOptions, []);
                foreach (var magic in segment.Magics)
                {
                    await _magics.RunAsync(magic, kernel, context).ConfigureAwait(false);
                }
                if (segment.Code.Trim().Length == 0 && segment.KernelName != "value")
                {
                    continue;
                }
                var status = await kernel.RunAsync(segment, context).ConfigureAwait(false);
                if (status != CellStatus.Ok)
                {
                    return status;
                }
            }
            catch (MagicException e)
            {
                context.Error(ErrorOutputs.Engine(e.ErrorName, e.Message));
                return CellStatus.Error;
            }
            catch (DuckDbQueryException e)
            {
                context.Error(CellOutput.Error("SqlError", e.Message, e.Message.Split('\n')));
                return CellStatus.Error;
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                context.Error(ErrorOutputs.Engine("OperationCanceledException", "The cell was cancelled."));
                return CellStatus.Cancelled;
            }
        }
        return CellStatus.Ok;
    }

    private (ISubkernel? Kernel, string Code, int Cursor) KernelAt(string code, int cursor, string? kernelName)
    {
        var segments = CellSegment.Split(code, kernelName ?? "csharp", IsKernelName);
        var line = code[..Math.Clamp(cursor, 0, code.Length)].Count(c => c == '\n') + 1;
        var segment = segments.LastOrDefault(s => s.FirstLine <= line) ?? segments.FirstOrDefault();
        if (segment is null || !TryFind(segment.KernelName, out var kernel))
        {
            return (TryFind(kernelName ?? "csharp", out var k) ? k : null, code, cursor);
        }
        // The C# service reads directives itself; other kernels get the text with magic lines blanked
        // (same length per line so the cursor offset stays valid).
        return kernel is CSharpSubkernel ? (kernel, code, cursor) : (kernel, BlankMagics(code), cursor);
    }

    private static string BlankMagics(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? new string(' ', l.Length) : l));
}
