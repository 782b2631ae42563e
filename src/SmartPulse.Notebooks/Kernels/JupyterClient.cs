using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A minimal Jupyter client (protocol 5.3) for one kernel process started from a kernelspec: shell,
/// iopub and control sockets, requests answered in order. Not thread-safe; the composite kernel
/// serialises calls. A kernel process that exits is reported by <see cref="DeadReason"/>.
/// </summary>
internal sealed class JupyterClient : IDisposable
{
    private readonly Process _process;
    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly MessageSigner _signer;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly string _connectionFile;
    private readonly Queue<string> _stderrTail = new();

    private JupyterClient(Process process, ConnectionInfo info, string connectionFile)
    {
        _process = process;
        _connectionFile = connectionFile;
        _signer = new MessageSigner(info.Key);
        _shell.Connect(info.Endpoint(info.ShellPort));
        _control.Connect(info.Endpoint(info.ControlPort));
        _iopub.Connect(info.Endpoint(info.IOPubPort));
        _iopub.SubscribeToAnyTopic();
    }

    public JsonObject KernelInfo { get; private set; } = [];

    public string Language => KernelInfo["language_info"]?["name"]?.GetValue<string>() ?? "";

    public string? DeadReason => _process.HasExited
        ? $"the kernel process exited with code {_process.ExitCode}{(_stderrTail.Count > 0 ? ": " + string.Join(" | ", _stderrTail) : "")}"
        : null;

    public static async Task<JupyterClient> StartAsync(JsonObject spec, string specName, string workingDirectory, CancellationToken cancellationToken)
    {
        var ports = FreePorts(5);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var info = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key, ConnectionInfo.HmacSha256);
        var file = Path.Combine(Path.GetTempPath(), $"smartpulse-connect-{Environment.ProcessId}-{ports[0]}.json");
        var json = new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["shell_port"] = ports[0], ["control_port"] = ports[1], ["stdin_port"] = ports[2],
            ["iopub_port"] = ports[3], ["hb_port"] = ports[4], ["key"] = key, ["signature_scheme"] = ConnectionInfo.HmacSha256,
        };
        await File.WriteAllTextAsync(file, json.ToJsonString(), cancellationToken).ConfigureAwait(false);
        var argv = (spec["argv"] as JsonArray)?.Select(a => a?.GetValue<string>() ?? "").ToList();
        if (argv is null || argv.Count == 0)
        {
            throw new MagicException($"Kernelspec '{specName}' has no argv; reinstall it.");
        }
        var start = new ProcessStartInfo(argv[0]) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg.Replace("{connection_file}", file, StringComparison.Ordinal));
        }
        // ipykernel (and other kernels) exit when this process dies: no orphaned kernel after a crash or kill.
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (spec["env"] is JsonObject env)
        {
            foreach (var (name, value) in env)
            {
                start.Environment[name] = value?.GetValue<string>();
            }
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MagicException($"Could not start kernel '{specName}' ({argv[0]}).");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new MagicException($"Could not start kernel '{specName}': {argv[0]}: {e.Message}. {KernelSpecLocator.InstallHint(specName)}.");
        }
        var client = new JupyterClient(process, info, file);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => client.RememberError(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await client.HandshakeAsync(specName, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return client;
    }

    /// <summary>Sends a request on shell and collects iopub messages for it until the kernel is idle again.</summary>
    public (JsonObject Reply, List<JupyterMessage> IOPub) Request(string type, JsonObject content, TimeSpan timeout, CancellationToken cancellationToken, Action<JupyterMessage>? onIOPub = null)
    {
        var request = JupyterMessage.Create(type, content, null, _session);
        _shell.SendMultipartBytes(WireFormat.Serialize(request, _signer));
        var messages = new List<JupyterMessage>();
        JsonObject? reply = null;
        var idle = false;
        var clock = Stopwatch.StartNew();
        while (reply is null || !idle)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DeadReason is { } dead)
            {
                throw new MagicException($"The connected kernel died: {dead}. Later cells that use it fail; reconnect it with #!connect jupyter (rerun the notebook).");
            }
            if (clock.Elapsed > timeout)
            {
                throw new MagicException($"The connected kernel did not answer {type} within {timeout.TotalSeconds:0} s.");
            }
            var frames = new List<byte[]>();
            if (_iopub.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(20), ref frames) && WireFormat.TryParse(frames, _signer, out var message, out _) && message is not null)
            {
                if (JupyterMessage.Text(message.ParentHeader, "msg_id") == request.MessageId)
                {
                    if (message.MessageType == "status" && JupyterMessage.Text(message.Content, "execution_state") == "idle")
                    {
                        idle = true;
                    }
                    else if (message.MessageType != "status")
                    {
                        messages.Add(message);
                        onIOPub?.Invoke(message);
                    }
                }
            }
            var shellFrames = new List<byte[]>();
            if (reply is null && _shell.TryReceiveMultipartBytes(TimeSpan.Zero, ref shellFrames) && WireFormat.TryParse(shellFrames, _signer, out var answer, out _) && answer is not null
                && JupyterMessage.Text(answer.ParentHeader, "msg_id") == request.MessageId)
            {
                reply = answer.Content;
            }
        }
        return (reply, messages);
    }

    public void Interrupt()
    {
        if (!_process.HasExited)
        {
            _control.SendMultipartBytes(WireFormat.Serialize(JupyterMessage.Create("interrupt_request", [], null, _session), _signer));
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _control.SendMultipartBytes(WireFormat.Serialize(JupyterMessage.Create("shutdown_request", new JsonObject { ["restart"] = false }, null, _session), _signer));
                if (!_process.WaitForExit(3000))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(3000);
                }
            }
        }
        catch (InvalidOperationException)
        {
        }
        _shell.Dispose();
        _control.Dispose();
        _iopub.Dispose();
        _process.Dispose();
        File.Delete(_connectionFile);
    }

    private void RememberError(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line.Trim());
            while (_stderrTail.Count > 3)
            {
                _stderrTail.Dequeue();
            }
        }
    }

    private async Task HandshakeAsync(string specName, CancellationToken cancellationToken)
    {
        // Until iopub is subscribed the kernel's status messages are lost, so repeat kernel_info
        // until one arrives together with its iopub idle status (as jupyter_client's wait_for_ready does).
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (DeadReason is { } dead)
            {
                throw new MagicException($"Kernel '{specName}' failed to start: {dead}. {KernelSpecLocator.InstallHint(specName)}.");
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new MagicException($"Kernel '{specName}' did not answer kernel_info within 60 s.");
            }
            try
            {
                var (reply, _) = Request("kernel_info_request", [], TimeSpan.FromSeconds(2), cancellationToken);
                KernelInfo = reply;
                return;
            }
            catch (MagicException) when (DeadReason is null && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
