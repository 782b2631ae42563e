using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NetMQ;
using NetMQ.Sockets;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel for C# (messaging protocol 5.3 over NetMQ). It runs cells in one
/// <see cref="CompositeKernel"/>, the engine's single execution entry, and publishes their outputs as
/// they are produced.
/// <para>
/// Sockets: shell, control and stdin are ROUTER sockets, iopub a PUB socket, heartbeat an echo
/// ROUTER. One poller thread owns all sockets: it receives, verifies signatures (a message with a bad
/// or missing signature, or one whose signature was already seen — a replay — is dropped and logged,
/// never handled), answers control requests
/// (<c>interrupt_request</c>, <c>shutdown_request</c>, <c>kernel_info_request</c>) at once, and queues
/// shell requests for a single worker, so a long-running cell never blocks the heartbeat or an
/// interrupt. Every request is wrapped in iopub <c>status</c> busy/idle.
/// </para>
/// <para>
/// Interrupts cancel the running cell's token: the session instruments every loop of a cell with a
/// cancellation check, so <c>while (true) { }</c> stops; code blocked elsewhere (a sleep, a native
/// call) is abandoned, and the session continues from the state before the cell.
/// </para>
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly JupyterKernelOptions _options;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly Channel<(long Sequence, JupyterMessage Message)> _shellQueue = Channel.CreateUnbounded<(long, JupyterMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NetMQQueue<Outgoing> _outgoing = new();
    private readonly TaskCompletionSource<KernelExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _executionGate = new();
    private readonly CompositeKernel _kernel;
    private readonly CSharpLanguageService _language;
    private readonly KernelInput _input;
    private readonly ReplayGuard _replays = new();
    private readonly KernelHistory _history = new();
    private CancellationTokenSource? _running;
    private long _received;
    private long _abortUpTo;
    private volatile bool _stopping;
    private volatile bool _closed;
    private bool _disposed;

    /// <summary>Creates a kernel for the sockets described by <paramref name="connection"/>; nothing is bound until <see cref="RunAsync"/>.</summary>
    /// <param name="connection">The connection file's content.</param>
    /// <param name="options">Settings; null for defaults.</param>
    public JupyterKernel(ConnectionInfo connection, JupyterKernelOptions? options = null)
    {
        _connection = connection;
        _options = options ?? new JupyterKernelOptions();
        _signer = new MessageSigner(connection.Key);
        _log = _options.Log ?? TextWriter.Null;
        _input = new KernelInput(this);
        _kernel = new CompositeKernel(new CompositeKernelOptions { Session = _options.Session, Input = (prompt, password) => _input.Request(prompt, password) });
        _language = new CSharpLanguageService(_kernel.CSharp);
    }

    /// <summary>The kernel's session id (the <c>session</c> of every message it sends).</summary>
    public string Session => _session;

    /// <summary>How many messages were dropped because their signature was missing, wrong, or replayed.</summary>
    public int RejectedMessages { get; private set; }

    /// <summary>The <c>kernel_info_reply</c> content: protocol 5.3, language_info for C#, banner and help links.</summary>
    /// <returns>A new JSON object.</returns>
    public static JsonObject KernelInfo()
    {
        var version = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
        var csharp = CSharpLanguageService.LanguageVersionText;
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = "smartpulse",
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = "C#",
                ["version"] = csharp,
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"SmartPulse C# kernel {version} (Roslyn scripting, C# {csharp}, .NET {Environment.Version})\n"
                + "display(x) shows rich output; #r \"nuget: Name, Version\" adds a package; Tab completes, Shift+Tab inspects.",
            ["help_links"] = new JsonArray(
                new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
                new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" },
                new JsonObject { ["text"] = "Jupyter messaging protocol", ["url"] = "https://jupyter-client.readthedocs.io/en/stable/messaging.html" }),
            ["debugger"] = false,
        };
    }

    /// <summary>Binds the sockets and serves until a <c>shutdown_request</c> arrives or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the kernel.</param>
    /// <returns>Whether the client asked for a restart.</returns>
    public async Task<KernelExit> RunAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var heartbeat = new RouterSocket();
        using var iopub = new PublisherSocket();
        var sockets = new NetMQSocket[] { shell, control, stdin, heartbeat, iopub };
        foreach (var socket in sockets)
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Options.MaxMsgSize = _options.MaxMessageSize;
        }

        shell.Bind(_connection.Endpoint(_connection.ShellPort));
        control.Bind(_connection.Endpoint(_connection.ControlPort));
        stdin.Bind(_connection.Endpoint(_connection.StdinPort));
        heartbeat.Bind(_connection.Endpoint(_connection.HeartbeatPort));
        iopub.Bind(_connection.Endpoint(_connection.IOPubPort));
        Log($"listening on {_connection.Transport}://{_connection.IP} shell={_connection.ShellPort} control={_connection.ControlPort} stdin={_connection.StdinPort} iopub={_connection.IOPubPort} hb={_connection.HeartbeatPort}; signing {(_signer.IsEnabled ? "on" : "off (empty key)")}");

        using var poller = new NetMQPoller { shell, control, stdin, heartbeat, _outgoing };
        shell.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Shell);
        control.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Control);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Stdin);
        heartbeat.ReceiveReady += (_, e) =>
        {
            var frames = new List<byte[]>();
            while (e.Socket.TryReceiveMultipartBytes(ref frames))
            {
                e.Socket.SendMultipartBytes(frames);
                frames = new List<byte[]>();
            }
        };
        _outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
            {
                if (item.Stop)
                {
                    poller.Stop();
                    return;
                }

                var target = item.Channel switch
                {
                    KernelSocket.Shell => shell,
                    KernelSocket.Control => control,
                    KernelSocket.Stdin => stdin,
                    _ => (NetMQSocket)iopub,
                };
                try
                {
                    target.SendMultipartBytes(item.Frames);
                }
                catch (Exception ex) when (ex is NetMQException or InvalidOperationException)
                {
                    Log($"could not send on {item.Channel}: {ex.Message}");
                }
            }
        };

        // Load and jit Roslyn while waiting for the first request, so the first cell is fast.
        _ = _kernel.CSharp.WarmUpAsync();
        var previousIn = Console.In;
        Console.SetIn(_input);
        var worker = Task.Factory.StartNew(ShellLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        using var stopOnCancel = cancellationToken.Register(() => Stop(new KernelExit(false)));
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        try
        {
            await Task.Run(poller.Run, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _shellQueue.Writer.TryComplete();
            CancelRunning();
            Console.SetIn(previousIn);
            poller.Remove(_outgoing);
            _closed = true;
        }

        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        return _exit.Task.IsCompleted ? await _exit.Task.ConfigureAwait(false) : new KernelExit(false);
    }

    /// <summary>Interrupts the running cell, if any (as an <c>interrupt_request</c> or SIGINT does).</summary>
    /// <returns>Whether a cell was running.</returns>
    public bool Interrupt()
    {
        var running = CancelRunning();
        Log(running ? "interrupt: cancelling the running cell" : "interrupt: no cell is running");
        return running;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _closed = true;
            try
            {
                _outgoing.Dispose();
            }
            catch (Exception e) when (e is ObjectDisposedException or NetMQException)
            {
                // The NetMQ context was already cleaned up.
            }

            _kernel.Dispose();
        }
    }

    /// <summary>Queues a message for sending on <paramref name="channel"/> from the poller thread.</summary>
    internal void Send(KernelSocket channel, JupyterMessage message)
    {
        if (_closed)
        {
            return;
        }

        try
        {
            _outgoing.Enqueue(new Outgoing(channel, WireFormat.Serialize(message, _signer), false));
        }
        catch (Exception e) when (e is ObjectDisposedException or NetMQException or InvalidOperationException)
        {
            Log($"could not queue {message.MessageType}: {e.Message}");
        }
    }

    /// <summary>Publishes an iopub message caused by <paramref name="parent"/>.</summary>
    internal void Publish(string messageType, JsonObject content, JupyterMessage? parent)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{_session}.{messageType}");
        Send(KernelSocket.IOPub, JupyterMessage.Create(messageType, content, parent, _session, [topic]));
    }

    /// <summary>Writes one line to the kernel log.</summary>
    internal void Log(string text)
    {
        try
        {
            _log.WriteLine($"[smartpulse-kernel {DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}] {text}");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }

    private static JsonObject ErrorContent(string name, string value) => new()
    {
        ["status"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(JsonValue.Create($"{name}: {value}")),
    };

    private void Receive(NetMQSocket socket, KernelSocket channel)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            var received = frames;
            frames = new List<byte[]>();
            JupyterMessage? message;
            string? error;
            try
            {
                if (!WireFormat.TryParse(received, _signer, out message, out error))
                {
                    if (error is "invalid signature" or "missing signature")
                    {
                        RejectedMessages++;
                    }

                    Log($"dropped a message on {channel}: {error} ({received.Count} frame(s), {received.Sum(f => (long)f.Length)} bytes)");
                    continue;
                }

                if (_signer.IsEnabled && !_replays.TryAccept(SignatureOf(received)))
                {
                    RejectedMessages++;
                    Log($"dropped a message on {channel}: replayed signature (a message with this signature was already received)");
                    continue;
                }
            }
            catch (Exception e)
            {
                Log($"dropped a message on {channel}: {e.GetType().Name}: {e.Message}");
                continue;
            }

            try
            {
                Dispatch(channel, message!);
            }
            catch (Exception e)
            {
                Log($"error handling {message!.MessageType} on {channel}: {e}");
            }
        }
    }

    private static string SignatureOf(List<byte[]> frames)
    {
        var delimiter = frames.FindIndex(f => f.AsSpan().SequenceEqual(WireFormat.Delimiter));
        return delimiter >= 0 && delimiter + 1 < frames.Count ? Encoding.ASCII.GetString(frames[delimiter + 1]) : "";
    }

    private void Dispatch(KernelSocket channel, JupyterMessage message)
    {
        switch (channel)
        {
            case KernelSocket.Shell:
                var sequence = Interlocked.Increment(ref _received);
                if (!_shellQueue.Writer.TryWrite((sequence, message)))
                {
                    Log($"shutting down: ignored {message.MessageType}");
                }

                break;
            case KernelSocket.Control:
                Publish("status", new JsonObject { ["execution_state"] = "busy" }, message);
                try
                {
                    HandleControl(message);
                }
                finally
                {
                    Publish("status", new JsonObject { ["execution_state"] = "idle" }, message);
                    if (_stopping)
                    {
                        EnqueueStop();
                    }
                }

                break;
            case KernelSocket.Stdin:
                if (message.MessageType == "input_reply")
                {
                    _input.Reply(message);
                }
                else
                {
                    Log($"ignored {message.MessageType} on stdin");
                }

                break;
        }
    }

    private void HandleControl(JupyterMessage message)
    {
        switch (message.MessageType)
        {
            case "interrupt_request":
                Interrupt();
                Reply(KernelSocket.Control, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(KernelSocket.Control, message);
                break;
            case "kernel_info_request":
                Reply(KernelSocket.Control, message, "kernel_info_reply", KernelInfo());
                break;
            default:
                Unknown(KernelSocket.Control, message);
                break;
        }
    }

    private void Shutdown(KernelSocket channel, JupyterMessage message)
    {
        var restart = JupyterMessage.Flag(message.Content, "restart", false);
        Log($"shutdown requested (restart: {restart})");
        CancelRunning();
        Reply(channel, message, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        // The poller stops once the request's idle status has been queued behind the reply.
        Stop(new KernelExit(restart), afterIdle: true);
    }

    private void Stop(KernelExit exit, bool afterIdle = false)
    {
        _stopping = true;
        _exit.TrySetResult(exit);
        _shellQueue.Writer.TryComplete();
        if (!afterIdle)
        {
            EnqueueStop();
        }
    }

    private void EnqueueStop()
    {
        try
        {
            _outgoing.Enqueue(new Outgoing(KernelSocket.IOPub, [], true));
        }
        catch (Exception e) when (e is ObjectDisposedException or NetMQException)
        {
            // Already stopped.
        }
    }

    private void Unknown(KernelSocket channel, JupyterMessage message)
    {
        var type = message.MessageType;
        Log($"unknown message type '{type}' on {channel}");
        if (type.EndsWith("_request", StringComparison.Ordinal))
        {
            Reply(channel, message, type[..^"_request".Length] + "_reply", ErrorContent("UnknownMessageType", $"this kernel does not handle '{type}'."));
        }
    }

    private void Reply(KernelSocket channel, JupyterMessage request, string messageType, JsonObject content) =>
        Send(channel, JupyterMessage.Create(messageType, content, request, _session));

    private bool CancelRunning()
    {
        lock (_executionGate)
        {
            if (_running is { IsCancellationRequested: false } running)
            {
                running.Cancel();
                return true;
            }

            return false;
        }
    }

    private async Task ShellLoopAsync()
    {
        await foreach (var (sequence, message) in _shellQueue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, message);
            try
            {
                await HandleShellAsync(sequence, message).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log($"error handling {message.MessageType}: {e}");
                if (message.MessageType.EndsWith("_request", StringComparison.Ordinal))
                {
                    Reply(KernelSocket.Shell, message, message.MessageType[..^"_request".Length] + "_reply", ErrorContent(e.GetType().Name, e.Message));
                }
            }
            finally
            {
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, message);
                if (_stopping)
                {
                    EnqueueStop();
                }
            }
        }
    }

    private async Task HandleShellAsync(long sequence, JupyterMessage message)
    {
        var content = message.Content;
        switch (message.MessageType)
        {
            case "kernel_info_request":
                Reply(KernelSocket.Shell, message, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request":
                await ExecuteAsync(sequence, message).ConfigureAwait(false);
                break;
            case "is_complete_request":
                var checkedCode = JupyterMessage.Text(content, "code");
                var (status, indent) = _kernel.KernelOf(checkedCode) == "csharp" ? _language.IsComplete(checkedCode) : ("complete", "");
                var reply = new JsonObject { ["status"] = status };
                if (status == "incomplete")
                {
                    reply["indent"] = indent;
                }

                Reply(KernelSocket.Shell, message, "is_complete_reply", reply);
                break;
            case "complete_request":
                var code = JupyterMessage.Text(content, "code");
                Reply(KernelSocket.Shell, message, "complete_reply", _kernel.Complete(code, JupyterMessage.Number(content, "cursor_pos", code.Length)));
                break;
            case "inspect_request":
                var source = JupyterMessage.Text(content, "code");
                Reply(KernelSocket.Shell, message, "inspect_reply", _kernel.Inspect(
                    source,
                    JupyterMessage.Number(content, "cursor_pos", source.Length),
                    JupyterMessage.Number(content, "detail_level", 0)));
                break;
            case "comm_info_request":
                Reply(KernelSocket.Shell, message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                Reply(KernelSocket.Shell, message, "history_reply", _history.Reply(content));
                break;
            case "connect_request":
                Reply(KernelSocket.Shell, message, "connect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["shell_port"] = _connection.ShellPort,
                    ["iopub_port"] = _connection.IOPubPort,
                    ["stdin_port"] = _connection.StdinPort,
                    ["hb_port"] = _connection.HeartbeatPort,
                    ["control_port"] = _connection.ControlPort,
                });
                break;
            case "shutdown_request":
                Shutdown(KernelSocket.Shell, message);
                break;
            case "comm_open":
                // No comm targets: tell the frontend the comm is closed, as ipykernel does.
                Publish("comm_close", new JsonObject { ["comm_id"] = JupyterMessage.Text(content, "comm_id"), ["data"] = new JsonObject() }, message);
                break;
            case "comm_msg" or "comm_close":
                break;
            default:
                Unknown(KernelSocket.Shell, message);
                break;
        }
    }

    private async Task ExecuteAsync(long sequence, JupyterMessage message)
    {
        var content = message.Content;
        var code = JupyterMessage.Text(content, "code");
        var silent = JupyterMessage.Flag(content, "silent", false);
        var stopOnError = JupyterMessage.Flag(content, "stop_on_error", true);
        if (sequence <= Interlocked.Read(ref _abortUpTo) || _stopping)
        {
            Log("aborted an execute_request queued behind a failed cell");
            Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _kernel.ExecutionCount });
            return;
        }

        if (KernelPager.Parse(code) is { } help)
        {
            if (!silent)
            {
                Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _kernel.ExecutionCount }, message);
            }

            Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = _kernel.ExecutionCount,
                ["payload"] = new JsonArray(KernelPager.Payload(help.Expression, _language.Inspect(help.Expression, help.Expression.Length, help.Detail))),
                ["user_expressions"] = new JsonObject(),
            });
            return;
        }

        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _kernel.ExecutionCount + 1 }, message);
        }

        using var cancellation = new CancellationTokenSource();
        lock (_executionGate)
        {
            _running = cancellation;
        }

        var observer = new IOPubObserver(this, message, silent, _options.StreamFlushInterval);
        CellExecutionResult result;
        try
        {
            _input.Begin(message, JupyterMessage.Flag(content, "allow_stdin", false), cancellation.Token);
            result = await _kernel.ExecuteAsync(code, observer, null, null, null, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_executionGate)
            {
                _running = null;
            }

            _input.End();
            observer.Complete();
        }

        if (!silent && JupyterMessage.Flag(content, "store_history", true))
        {
            _history.Add(result.ExecutionCount, code, result.Outputs.LastOrDefault(o => o.OutputType == CellOutput.ExecuteResultType)?.PlainText());
        }

        if (result.Succeeded)
        {
            Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = result.ExecutionCount,
                ["payload"] = new JsonArray(),
                ["user_expressions"] = new JsonObject(),
            });
            return;
        }

        if (stopOnError)
        {
            Interlocked.Exchange(ref _abortUpTo, Interlocked.Read(ref _received));
        }

        var error = result.Error;
        Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = result.ExecutionCount,
            ["ename"] = error?.ErrorName ?? result.Status.ToString(),
            ["evalue"] = error?.ErrorValue ?? "",
            ["traceback"] = new JsonArray([.. (error?.Traceback ?? []).Select(t => JsonValue.Create(t))]),
        });
    }

    /// <summary>The kernel's sockets.</summary>
    internal enum KernelSocket
    {
        /// <summary>Requests and replies.</summary>
        Shell,

        /// <summary>Interrupt, shutdown: served even while a cell runs.</summary>
        Control,

        /// <summary>Input requests to the frontend.</summary>
        Stdin,

        /// <summary>Broadcast outputs and status.</summary>
        IOPub,
    }

    private sealed record Outgoing(KernelSocket Channel, List<byte[]> Frames, bool Stop);

    /// <summary>Publishes a cell's outputs on iopub as they are produced, coalescing console writes.</summary>
    private sealed class IOPubObserver(JupyterKernel kernel, JupyterMessage parent, bool silent, TimeSpan flushInterval)
        : CoalescingOutputObserver(flushInterval, silent)
    {
        protected override void SendStream(string name, string text) =>
            kernel.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, parent);

        protected override void SendOutput(CellOutput output)
        {
            switch (output.OutputType)
            {
                case CellOutput.DisplayDataType:
                    var display = new JsonObject { ["data"] = output.Data.DeepClone(), ["metadata"] = output.Metadata.DeepClone() };
                    display["transient"] = output.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = output.DisplayId };
                    kernel.Publish("display_data", display, parent);
                    break;
                case CellOutput.ExecuteResultType:
                    var data = (JsonObject)output.Data.DeepClone();
                    data["text/plain"] ??= output.PlainText() ?? "";
                    kernel.Publish("execute_result", new JsonObject
                    {
                        ["execution_count"] = output.ExecutionCount ?? 0,
                        ["data"] = data,
                        ["metadata"] = output.Metadata.DeepClone(),
                    }, parent);
                    break;
                case CellOutput.ErrorType:
                    kernel.Publish("error", new JsonObject
                    {
                        ["ename"] = output.ErrorName ?? "Error",
                        ["evalue"] = output.ErrorValue ?? "",
                        ["traceback"] = new JsonArray([.. output.Traceback.Select(t => JsonValue.Create(t))]),
                    }, parent);
                    break;
            }
        }

        protected override void SendDisplayUpdate(CellOutput output) =>
            kernel.Publish("update_display_data", new JsonObject
            {
                ["data"] = output.Data.DeepClone(),
                ["metadata"] = output.Metadata.DeepClone(),
                ["transient"] = new JsonObject { ["display_id"] = output.DisplayId },
            }, parent);

        protected override void SendClearOutput(bool wait) =>
            kernel.Publish("clear_output", new JsonObject { ["wait"] = wait }, parent);
    }
}
