using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Client;

/// <summary>
/// One notebook's kernel, driven with nbclient's semantics: start the process, wait until it
/// answers <c>kernel_info_request</c> and its iopub is live (or fail after the startup timeout with
/// its stderr tail), send one <c>execute_request</c> per cell and collect that cell's iopub
/// messages until the kernel is idle and has replied, interrupt on timeout, and shut it down at the
/// end. A kernel that dies while a cell runs (crash, stack overflow, <c>Environment.Exit</c>,
/// <c>kill -9</c>) fails that cell with what happened and the stderr tail; every later cell then
/// fails without running. The same session serves <c>#!connect jupyter</c>, which sends its own
/// requests with <see cref="RequestAsync"/> and streams their outputs.
/// </summary>
public sealed partial class KernelSession : IDisposable
{
    private static readonly TimeSpan _interruptGrace = TimeSpan.FromSeconds(5);
    private readonly KernelLaunch _launch;
    private readonly Dictionary<string, List<CellOutput>> _displays = new(StringComparer.Ordinal);
    private KernelProcess? _process;
    private KernelClient? _client;
    private Task<(KernelClient.ClientChannel Channel, JupyterMessage Message)>? _pendingRead;
    private string? _deadReason;

    private KernelSession(KernelLaunch launch)
    {
        _launch = launch;
    }

    /// <summary>The kernel's <c>kernel_info_reply</c> content (its <c>language_info</c>, implementation, banner).</summary>
    public JsonObject KernelInfo { get; private set; } = [];

    /// <summary>The kernel's language (<c>language_info.name</c>, for example <c>python</c>); empty when it did not say.</summary>
    public string Language => KernelInfo["language_info"]?["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : "";

    /// <summary>Why the kernel can no longer run cells (it died, or was stopped after a timeout); null while it is usable.</summary>
    public string? DeadReason => _deadReason;

    /// <summary>Starts a kernel in <paramref name="workingDirectory"/> and waits until it is ready.</summary>
    /// <param name="launch">Which kernel.</param>
    /// <param name="workingDirectory">The notebook's folder.</param>
    /// <param name="startupTimeout">How long the kernel may take to answer.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The ready session.</returns>
    /// <exception cref="KernelStartException">The kernel could not be started, exited, or did not answer in time; the message says which, with its stderr tail.</exception>
    public static async Task<KernelSession> StartAsync(KernelLaunch launch, string? workingDirectory, TimeSpan startupTimeout, CancellationToken cancellationToken = default)
    {
        var session = new KernelSession(launch);
        try
        {
            await session.StartCoreAsync(workingDirectory, startupTimeout, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs one cell.</summary>
    /// <param name="code">The code to send.</param>
    /// <param name="cellId">The cell id (sent as nbclient's <c>cellId</c> metadata).</param>
    /// <param name="cellName">How messages name the cell, for example <c>cell 7</c>.</param>
    /// <param name="timeout">Longest the cell may run; null for no limit.</param>
    /// <param name="cancellationToken">Cancels the cell (the kernel is interrupted).</param>
    /// <returns>The outcome.</returns>
    public async Task<CellExecution> ExecuteAsync(string code, string? cellId, string cellName, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (_deadReason is not null)
        {
            return new CellExecution(CellStatus.Error, null, [], 0, $"not run: {_deadReason}");
        }

        var client = _client!;
        var process = _process!;
        var accumulator = new OutputAccumulator(_displays);
        var id = client.Send(KernelClient.ClientChannel.Shell, "execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = false,
            ["store_history"] = true,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false,
            ["stop_on_error"] = true,
        }, new JsonObject { ["cellId"] = cellId });

        using var deadline = new CancellationTokenSource();
        if (timeout is { } t)
        {
            deadline.CancelAfter(t);
        }

        var timeoutTask = Task.Delay(Timeout.Infinite, deadline.Token);
        var cancelTask = Task.Delay(Timeout.Infinite, cancellationToken);
        JupyterMessage? reply = null;
        var idle = false;
        while (reply is null || !idle)
        {
            var read = NextMessage();
            var finished = await Task.WhenAny(read, process.Exited, timeoutTask, cancelTask).ConfigureAwait(false);
            if (finished == read)
            {
                Consume(read, id, accumulator, ref reply, ref idle);
                continue;
            }

            if (finished == process.Exited)
            {
                await DrainAsync(id, accumulator).ConfigureAwait(false);
                var exit = await process.Exited.ConfigureAwait(false);
                _deadReason = exit == 0
                    ? $"the kernel exited (exit 0, e.g. Environment.Exit) while running {cellName}"
                    : $"the kernel died ({KernelProcess.DescribeExit(exit)}) while running {cellName}";
                var tail = process.StderrTail();
                var message = tail.Length == 0 ? _deadReason : $"{_deadReason}; its stderr ends with:\n{tail}";
                accumulator.Outputs.Add(CellOutput.Error("KernelDiedError", message, [$"KernelDiedError: {message}"]));
                return new CellExecution(CellStatus.Error, null, accumulator.Outputs, stopwatch.Elapsed.TotalSeconds, $"KernelDiedError: {_deadReason}");
            }

            // Timed out or cancelled: interrupt as nbclient does, give the kernel a moment to answer.
            var cancelled = finished == cancelTask;
            await InterruptAsync(id, accumulator, () => reply is not null && idle, m => Consume(m, id, accumulator, ref reply, ref idle)).ConfigureAwait(false);
            var what = cancelled
                ? "The cell was cancelled."
                : string.Create(CultureInfo.InvariantCulture, $"The cell did not finish within {timeout!.Value.TotalSeconds:0.###} s. It was interrupted");
            if (reply is null || !idle)
            {
                _deadReason = cancelled ? $"the run was cancelled during {cellName}" : $"the kernel was stopped because {cellName} timed out and did not answer the interrupt";
                process.Kill();
                what += cancelled ? "" : $" and did not stop within {_interruptGrace.TotalSeconds:0} s, so the kernel was stopped; the remaining cells do not run.";
            }
            else if (!cancelled)
            {
                what += " and the kernel continues.";
            }

            // The kernel's own cancellation error is replaced by the timeout error.
            accumulator.Outputs.RemoveAll(o => o.OutputType == CellOutput.ErrorType);
            var error = CellOutput.Error(cancelled ? "OperationCanceledException" : ErrorOutputs.TimeoutError, what, [$"{(cancelled ? "OperationCanceledException" : ErrorOutputs.TimeoutError)}: {what}"]);
            accumulator.Outputs.Add(error);
            return new CellExecution(
                cancelled ? CellStatus.Cancelled : CellStatus.TimedOut,
                reply is null ? null : JupyterMessage.Number(reply.Content, "execution_count", 0),
                accumulator.Outputs,
                stopwatch.Elapsed.TotalSeconds,
                $"{error.ErrorName}: {what.Split('\n')[0]}");
        }

        var count = JupyterMessage.Number(reply.Content, "execution_count", 0);
        var status = JupyterMessage.Text(reply.Content, "status");
        if (status == "ok")
        {
            return new CellExecution(CellStatus.Ok, count, accumulator.Outputs, stopwatch.Elapsed.TotalSeconds, null);
        }

        var errorOutput = accumulator.Outputs.LastOrDefault(o => o.OutputType == CellOutput.ErrorType);
        if (errorOutput is null)
        {
            var name = JupyterMessage.Text(reply.Content, "ename", status == "aborted" ? "Aborted" : "Error");
            var value = JupyterMessage.Text(reply.Content, "evalue", status == "aborted" ? "the kernel aborted the cell" : "");
            errorOutput = CellOutput.Error(name, value, [$"{name}: {value}"]);
            accumulator.Outputs.Add(errorOutput);
        }

        return new CellExecution(CellStatus.Error, count, accumulator.Outputs, stopwatch.Elapsed.TotalSeconds, $"{errorOutput.ErrorName}: {(errorOutput.ErrorValue ?? "").Split('\n')[0]}");
    }

    /// <summary>Asks the kernel to shut down, waits briefly, and kills it if it is still running.</summary>
    /// <returns>A task.</returns>
    public async Task ShutdownAsync()
    {
        if (_process is { HasExited: false } process && _client is { } client)
        {
            client.Send(KernelClient.ClientChannel.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }

        Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
        _process?.Dispose();
    }

    private static void Consume(Task<(KernelClient.ClientChannel Channel, JupyterMessage Message)> read, string id, OutputAccumulator accumulator, ref JupyterMessage? reply, ref bool idle) =>
        Consume(read.Result, id, accumulator, ref reply, ref idle);

    private static void Consume((KernelClient.ClientChannel Channel, JupyterMessage Message) item, string id, OutputAccumulator accumulator, ref JupyterMessage? reply, ref bool idle)
    {
        var (channel, message) = item;
        if (JupyterMessage.Text(message.ParentHeader, "msg_id") != id)
        {
            // Late output of an earlier cell, or a reply to an earlier request: nbclient ignores it.
            return;
        }

        if (channel == KernelClient.ClientChannel.Shell)
        {
            if (message.MessageType == "execute_reply")
            {
                reply = message;
            }

            return;
        }

        if (channel == KernelClient.ClientChannel.IOPub)
        {
            if (message.MessageType == "status")
            {
                idle |= JupyterMessage.Text(message.Content, "execution_state") == "idle";
            }
            else
            {
                accumulator.Handle(message);
            }
        }
    }

    private Task<(KernelClient.ClientChannel Channel, JupyterMessage Message)> NextMessage() =>
        _pendingRead is { IsCompleted: false } pending ? pending : _pendingRead = _client!.Incoming.ReadAsync().AsTask();

    private async Task DrainAsync(string id, OutputAccumulator accumulator)
    {
        // Messages the kernel sent just before it died are still in flight.
        JupyterMessage? reply = null;
        var idle = false;
        var until = Stopwatch.StartNew();
        while (until.ElapsedMilliseconds < 300)
        {
            var read = NextMessage();
            if (await Task.WhenAny(read, Task.Delay(100)).ConfigureAwait(false) != read)
            {
                break;
            }

            if (read.IsCompletedSuccessfully)
            {
                Consume(read, id, accumulator, ref reply, ref idle);
            }
            else
            {
                break;
            }
        }
    }

    private async Task InterruptAsync(string id, OutputAccumulator accumulator, Func<bool> done, Action<(KernelClient.ClientChannel, JupyterMessage)> consume)
    {
        if (_launch.InterruptWithMessage)
        {
            _client!.Send(KernelClient.ClientChannel.Control, "interrupt_request", []);
        }
        else
        {
            _process!.SendInterruptSignal();
        }

        var grace = Task.Delay(_interruptGrace);
        while (!done())
        {
            var read = NextMessage();
            var finished = await Task.WhenAny(read, grace, _process!.Exited).ConfigureAwait(false);
            if (finished != read || !read.IsCompletedSuccessfully)
            {
                return;
            }

            consume(read.Result);
        }

        _ = id;
        _ = accumulator;
    }

    private async Task StartCoreAsync(string? workingDirectory, TimeSpan startupTimeout, CancellationToken cancellationToken)
    {
        try
        {
            _process = KernelProcess.Start(_launch, workingDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw new KernelStartException(e.Message, e);
        }

        _client = new KernelClient(_process.Connection);
        _client.Start();
        var stopwatch = Stopwatch.StartNew();
        var replied = false;
        var iopubLive = false;
        var requests = new HashSet<string>(StringComparer.Ordinal);
        while (!(replied && iopubLive))
        {
            if (stopwatch.Elapsed >= startupTimeout)
            {
                var tail = _process.StderrTail();
                throw new KernelStartException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the kernel '{_launch.Name}' did not start within {startupTimeout.TotalSeconds:0.###} s (--startup-timeout); {(tail.Length == 0 ? "it wrote nothing to stderr." : $"its stderr ends with:\n{tail}")}"));
            }

            // Re-ask until the iopub subscription is live too (ZeroMQ drops iopub messages sent before it connects).
            requests.Add(_client.Send(KernelClient.ClientChannel.Shell, "kernel_info_request", []));
            var resend = Task.Delay(TimeSpan.FromMilliseconds(replied ? 100 : 500), cancellationToken);
            while (!resend.IsCompleted && !(replied && iopubLive))
            {
                var read = NextMessage();
                var finished = await Task.WhenAny(read, resend, _process.Exited).ConfigureAwait(false);
                if (finished == _process.Exited)
                {
                    var exit = await _process.Exited.ConfigureAwait(false);
                    var tail = _process.StderrTail();
                    throw new KernelStartException($"the kernel '{_launch.Name}' exited ({KernelProcess.DescribeExit(exit)}) before it was ready; {(tail.Length == 0 ? "it wrote nothing to stderr." : $"its stderr ends with:\n{tail}")}");
                }

                if (finished == read)
                {
                    var (channel, message) = await read.ConfigureAwait(false);
                    var isOurs = requests.Contains(JupyterMessage.Text(message.ParentHeader, "msg_id"));
                    if (isOurs && channel == KernelClient.ClientChannel.Shell && message.MessageType == "kernel_info_reply")
                    {
                        replied = true;
                        KernelInfo = message.Content;
                    }

                    iopubLive |= isOurs && channel == KernelClient.ClientChannel.IOPub;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
