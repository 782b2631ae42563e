using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel for C# (messaging protocol 5.3 over NetMQ). It runs cells in one
/// <see cref="CompositeKernel"/>, the engine's single execution entry, and publishes their outputs as
/// they are produced.
/// <para>
/// Sockets (<see cref="KernelTransport"/>): shell, control and stdin are ROUTER sockets, iopub a PUB
/// socket, heartbeat an echo ROUTER. One poller thread owns all sockets: it receives, verifies
/// signatures (a message with a bad or missing signature, or one whose signature was already seen — a
/// replay — is dropped and logged, never handled), answers control requests
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
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly Channel<(long Sequence, JupyterMessage Message)> _shellQueue = Channel.CreateUnbounded<(long, JupyterMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<KernelExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly KernelTransport _transport;
    private readonly CompositeKernel _kernel;
    private readonly CSharpLanguageService _language;
    private readonly KernelInput _input;
    private readonly KernelHistory _history = new();
    private readonly ExecuteRequestHandler _execute;
    private volatile bool _stopping;
    private bool _disposed;

    /// <summary>Creates a kernel for the sockets described by <paramref name="connection"/>; nothing is bound until <see cref="RunAsync"/>.</summary>
    /// <param name="connection">The connection file's content.</param>
    /// <param name="options">Settings; null for defaults.</param>
    public JupyterKernel(ConnectionInfo connection, JupyterKernelOptions? options = null)
    {
        _connection = connection;
        _options = options ?? new JupyterKernelOptions();
        _log = _options.Log ?? TextWriter.Null;
        _transport = new KernelTransport(connection, _options.MaxMessageSize, Log);
        _input = new KernelInput(this);
        _kernel = new CompositeKernel(new CompositeKernelOptions { Session = _options.Session, Input = (prompt, password) => _input.Request(prompt, password), WarmUp = _options.WarmUp });
        _language = new CSharpLanguageService(_kernel.CSharp);
        _execute = new ExecuteRequestHandler(this, _kernel, _language, _input, _history, _options.StreamFlushInterval);

        // Load and jit Roslyn now, on the other core while the sockets bind and the client connects, so a first
        // cell sent right after kernel_info waits for as little of it as possible.
        _ = WarmUpCSharpAsync();
    }

    /// <summary>The kernel's session id (the <c>session</c> of every message it sends).</summary>
    public string Session => _session;

    /// <summary>How many messages were dropped because their signature was missing, wrong, or replayed.</summary>
    public int RejectedMessages => _transport.RejectedMessages;

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
        if (_options.WarmUp.Count > 0)
        {
            Log($"warm-up: starting {string.Join(", ", _options.WarmUp)} in the background");
        }

        var previousIn = Console.In;
        Task? worker = null;
        var stopOnCancel = default(CancellationTokenRegistration);
        try
        {
            await _transport.RunAsync(Dispatch, () =>
            {
                Console.SetIn(_input);
                worker = Task.Factory.StartNew(ShellLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
                stopOnCancel = cancellationToken.Register(() => Stop(new KernelExit(false)));
                Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
            }).ConfigureAwait(false);
        }
        finally
        {
            _shellQueue.Writer.TryComplete();
            _execute.CancelRunning();
            Console.SetIn(previousIn);
            await stopOnCancel.DisposeAsync().ConfigureAwait(false);
        }

        if (worker is not null)
        {
            await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
        }

        return _exit.Task.IsCompleted ? await _exit.Task.ConfigureAwait(false) : new KernelExit(false);
    }

    /// <summary>Interrupts the running cell, if any (as an <c>interrupt_request</c> or SIGINT does).</summary>
    /// <returns>Whether a cell was running.</returns>
    public bool Interrupt()
    {
        var running = _execute.CancelRunning();
        Log(running ? "interrupt: cancelling the running cell" : "interrupt: no cell is running");
        return running;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _transport.Dispose();
            _kernel.Dispose();
        }
    }

    /// <summary>Queues a message for sending on <paramref name="channel"/> from the poller thread.</summary>
    internal void Send(KernelSocket channel, JupyterMessage message) => _transport.Send(channel, message);

    /// <summary>Publishes an iopub message caused by <paramref name="parent"/>.</summary>
    internal void Publish(string messageType, JsonObject content, JupyterMessage? parent)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{_session}.{messageType}");
        Send(KernelSocket.IOPub, JupyterMessage.Create(messageType, content, parent, _session, [topic]));
    }

    /// <summary>Sends the reply <paramref name="messageType"/> to <paramref name="request"/>.</summary>
    internal void Reply(KernelSocket channel, JupyterMessage request, string messageType, JsonObject content) =>
        Send(channel, JupyterMessage.Create(messageType, content, request, _session));

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

    private async Task WarmUpCSharpAsync()
    {
        Log($"C# warm-up started {SinceProcessStart()} ms after the process started");
        await _kernel.CSharp.WarmUpAsync().ConfigureAwait(false);
        Log($"C# warm-up done {SinceProcessStart()} ms after the process started");
    }

    private static long SinceProcessStart()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return (long)(DateTime.Now - self.StartTime).TotalMilliseconds;
    }

    private static JsonObject ErrorContent(string name, string value) => new()
    {
        ["status"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(JsonValue.Create($"{name}: {value}")),
    };

    private void Dispatch(KernelSocket channel, JupyterMessage message)
    {
        switch (channel)
        {
            case KernelSocket.Shell:
                var sequence = _execute.Arrived();
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
                        _transport.Stop();
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
        _execute.CancelRunning();
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
            _transport.Stop();
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
                    _transport.Stop();
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
                Log($"kernel_info_reply sent {SinceProcessStart()} ms after the process started");
                break;
            case "execute_request":
                await _execute.ExecuteAsync(sequence, message, _stopping).ConfigureAwait(false);
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
}
