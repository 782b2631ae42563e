using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Display;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Stdio;

/// <summary>
/// <c>smartpulse kernel --stdio</c>: the kernel served over standard input/output as JSON-RPC 2.0,
/// one JSON object per line, for editors that start the kernel as a child process (the VS Code
/// extension in <c>vscode/</c>). No sockets, no connection file, no native library on the client.
/// <para>
/// Cells run in one <see cref="CompositeKernel"/> through <see cref="CompositeKernel.ExecuteAsync"/>,
/// the engine's single execution entry that the Jupyter kernel and the runner use: the request's
/// <c>kernelName</c> is the cell's kernel (csharp, fsharp, sql, html, javascript, markdown, mermaid,
/// value or a <c>#!connect</c>ed one), a first line <c>#!name</c> overrides it, magics work as in
/// Jupyter. Completion and hover are routed to the cell's kernel by the composite kernel too.
/// </para>
/// <para>
/// Requests (answered in order by one worker): <c>initialize</c>, <c>execute</c> {code, kernelName},
/// <c>complete</c> / <c>inspect</c> {code, cursor (code points), kernelName}, <c>variables</c>,
/// <c>shutdown</c>. <c>interrupt</c> is answered at once and cancels the running cell. While a
/// cell runs the host sends <c>output</c> and <c>updateDisplay</c> notifications {executionId,
/// output} with nbformat outputs. Standard output carries nothing else: console writes outside a
/// cell go to standard error, and <c>Console.ReadLine()</c> in a cell reads end of input.
/// </para>
/// </summary>
public sealed class StdioKernelHost : IDisposable
{
    /// <summary>The protocol version <c>initialize</c> reports; a client checks it before sending cells.</summary>
    public const int ProtocolVersion = 1;

    private readonly TextReader _input;
    private readonly JsonRpcChannel _channel;
    private readonly StdioKernelOptions _options;
    private readonly TextWriter _log;
    private readonly CompositeKernel _kernel;
    private readonly Channel<JsonObject> _queue = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private CancellationTokenSource? _running;
    private bool _disposed;

    /// <summary>Creates a host reading requests from <paramref name="input"/> and writing to <paramref name="output"/>.</summary>
    /// <param name="input">Requests, one JSON object per line (UTF-8).</param>
    /// <param name="output">Replies and notifications.</param>
    /// <param name="options">Settings; null for defaults.</param>
    public StdioKernelHost(Stream input, Stream output, StdioKernelOptions? options = null)
    {
        _input = new StreamReader(input, new UTF8Encoding(false));
        _channel = new JsonRpcChannel(output);
        _options = options ?? new StdioKernelOptions();
        _log = _options.Log ?? TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });
        _kernel = new CompositeKernel(new CompositeKernelOptions { Session = _options.Session });
    }

    /// <summary>Serves until <c>shutdown</c>, end of input, or <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>A task that ends when the host has stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None);
        using var stop = cancellationToken.Register(() => _queue.Writer.TryComplete());
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await _input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    break;
                }

                if (!string.IsNullOrWhiteSpace(line) && !Receive(line))
                {
                    _queue.Writer.TryComplete();
                    await worker.ConfigureAwait(false);
                    _channel.Close();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
        }

        CancelRunning();
        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        _channel.Close();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CancelRunning();
        _kernel.Dispose();
    }

    /// <summary>The <c>initialize</c> result: protocol and engine versions and the kernels cells can name.</summary>
    /// <returns>A new JSON object.</returns>
    public static JsonObject Describe()
    {
        var info = JupyterKernel.KernelInfo();
        return new JsonObject
        {
            ["protocolVersion"] = ProtocolVersion,
            ["implementation"] = "smartpulse",
            ["version"] = info["implementation_version"]?.DeepClone(),
            ["languageInfo"] = info["language_info"]?.DeepClone(),
            ["banner"] = info["banner"]?.DeepClone(),
            ["defaultKernelName"] = KernelNames.CSharp,
        };
    }

    /// <summary>Reads one line; false when the host should stop reading (shutdown).</summary>
    private bool Receive(string line)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            _channel.Error(null, JsonRpcChannel.ParseError, $"the line is not JSON ({e.Message}); send one JSON-RPC 2.0 object per line");
            return true;
        }

        var method = message?["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        if (message is null || method is null)
        {
            _channel.Error(message?["id"], JsonRpcChannel.InvalidRequest, "expected a JSON-RPC 2.0 request object with a \"method\"");
            return true;
        }

        switch (method)
        {
            case "interrupt":
                lock (_gate)
                {
                    // The reply goes out before the cancellation: cancelling runs the cell's completion inline, and its
                    // "interrupted" output and reply must come after the interrupt's answer, never before it.
                    var interrupted = _running is { IsCancellationRequested: false };
                    _log.WriteLine(interrupted ? "[smartpulse-kernel] interrupt: cancelling the running cell" : "[smartpulse-kernel] interrupt: no cell is running");
                    Answer(message, new JsonObject { ["interrupted"] = interrupted });
                    CancelRunning();
                }

                return true;
            case "shutdown":
                // Answered by the worker after the requests queued before it.
                _queue.Writer.TryWrite(message);
                return false;
            default:
                _queue.Writer.TryWrite(message);
                return true;
        }
    }

    private void Answer(JsonObject request, JsonNode result)
    {
        if (request.ContainsKey("id"))
        {
            _channel.Reply(request["id"], result);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await foreach (var request in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            var id = request["id"];
            var parameters = request["params"] as JsonObject ?? [];
            try
            {
                JsonNode? result = request["method"]!.GetValue<string>() switch
                {
                    "initialize" => Describe(),
                    "execute" => await ExecuteAsync(id, parameters, cancellationToken).ConfigureAwait(false),
                    "complete" => _kernel.Complete(Code(parameters), Int(parameters, "cursor"), KernelOf(parameters)),
                    "inspect" => _kernel.Inspect(Code(parameters), Int(parameters, "cursor"), Int(parameters, "detailLevel"), KernelOf(parameters)),
                    "variables" => Variables(),
                    "shutdown" => new JsonObject(),
                    var other => throw new MissingMethodException($"unknown method '{other}'; the host serves initialize, execute, interrupt, complete, inspect, variables and shutdown"),
                };
                Answer(request, result ?? new JsonObject());
            }
            catch (MissingMethodException e)
            {
                _channel.Error(id, JsonRpcChannel.MethodNotFound, e.Message);
            }
            catch (ArgumentException e)
            {
                _channel.Error(id, JsonRpcChannel.InvalidParams, e.Message);
            }
        }
    }

    private async Task<JsonObject> ExecuteAsync(JsonNode? id, JsonObject parameters, CancellationToken cancellationToken)
    {
        var code = Code(parameters);
        var kernelName = KernelOf(parameters);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _running = cancellation;
        }

        var observer = new StdioOutputObserver(_channel, id, _options.StreamFlushInterval);
        CellExecutionResult result;
        try
        {
            result = await _kernel.ExecuteAsync(code, observer, null, CellName(parameters), kernelName, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new JsonObject { ["status"] = "cancelled", ["executionCount"] = _kernel.ExecutionCount };
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }

            observer.Complete();
        }

        var error = result.Error;
        return new JsonObject
        {
            ["status"] = result.Status switch { CellStatus.Ok => "ok", CellStatus.Cancelled => "cancelled", _ => "error" },
            ["executionCount"] = result.ExecutionCount,
            ["elapsedMs"] = Math.Round(result.Elapsed.TotalMilliseconds),
            ["ename"] = error?.ErrorName,
            ["evalue"] = error?.ErrorValue,
        };
    }

    /// <summary>The cell's kernel as the request names it (aliases such as <c>c#</c> normalised); csharp when absent.</summary>
    private static string KernelOf(JsonObject parameters) =>
        parameters["kernelName"] is null ? KernelNames.CSharp
        : parameters["kernelName"] is JsonValue k && k.TryGetValue<string>(out var name) ? (name.Length > 0 ? KernelNames.Normalize(name) : KernelNames.CSharp)
        : throw new ArgumentException("params.kernelName must be a kernel name (a string such as \"csharp\", \"fsharp\" or \"sql\")");

    private static string? CellName(JsonObject parameters) =>
        parameters["cellName"] is null ? null
        : parameters["cellName"] is JsonValue v && v.TryGetValue<string>(out var name) ? name
        : throw new ArgumentException("params.cellName must be a string");

    /// <summary>
    /// <c>#!who</c> of every kernel for the variables view, in kernel order: each variable with its type
    /// and a one-line value. Kernels not started yet are listed with no variables and stay unstarted.
    /// </summary>
    private JsonObject Variables()
    {
        var kernels = new JsonArray();
        foreach (var kernelName in _kernel.KernelNames)
        {
            var variables = new JsonArray();
            foreach (var name in _kernel.VariableNames(kernelName))
            {
                if (!_kernel.TryGetVariable(kernelName, name, out var value))
                {
                    continue;
                }

                variables.Add(new JsonObject
                {
                    ["name"] = name,
                    ["type"] = value?.GetType() is { } type ? TypeName(type) : "null",
                    ["value"] = Preview(value),
                });
            }

            kernels.Add(new JsonObject { ["name"] = kernelName, ["variables"] = variables });
        }

        return new JsonObject { ["kernels"] = kernels };
    }

    private static string TypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    private static string Preview(object? value)
    {
        if (value is DataFrame frame)
        {
            return $"{frame.Rows.Count} rows × {frame.Columns.Count} columns";
        }

        string text;
        try
        {
            text = MimeBundleFormatter.Format(value)["text/plain"]?.GetValue<string>() ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            text = $"({e.GetType().Name}: {e.Message})";
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static string Code(JsonObject parameters) =>
        parameters["code"] is JsonValue v && v.TryGetValue<string>(out var code)
            ? code
            : throw new ArgumentException("params.code must be the cell's text (a string)");

    private static int Int(JsonObject parameters, string name) =>
        parameters[name] is null ? 0
        : parameters[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : throw new ArgumentException($"params.{name} must be an integer");

    private bool CancelRunning()
    {
        lock (_gate)
        {
            if (_running is null)
            {
                return false;
            }

            _running.Cancel();
            return true;
        }
    }
}
