using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// The Jupyter kernel's wire: shell, control and stdin ROUTER sockets, an iopub PUB socket and a
/// heartbeat echo ROUTER, all owned by one poller thread. It receives and verifies messages (a bad or
/// missing signature, or one already seen — a replay — is dropped and logged, never handled), hands
/// the rest to the kernel's dispatcher on the poller thread, and sends what other threads queue.
/// </summary>
internal sealed class KernelTransport : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly long _maxMessageSize;
    private readonly Action<string> _log;
    private readonly ReplayGuard _replays = new();
    private readonly NetMQQueue<Outgoing> _outgoing = new();
    private volatile bool _closed;

    /// <summary>Creates the transport; nothing is bound until <see cref="RunAsync"/>.</summary>
    public KernelTransport(ConnectionInfo connection, long maxMessageSize, Action<string> log)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _maxMessageSize = maxMessageSize;
        _log = log;
    }

    /// <summary>How many messages were dropped because their signature was missing, wrong, or replayed.</summary>
    public int RejectedMessages { get; private set; }

    /// <summary>
    /// Binds the sockets, calls <paramref name="started"/>, and serves until <see cref="Stop"/>; every
    /// verified message goes to <paramref name="dispatch"/> on the poller thread.
    /// </summary>
    public async Task RunAsync(Action<KernelSocket, JupyterMessage> dispatch, Action started)
    {
        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var heartbeat = new RouterSocket();
        using var iopub = new PublisherSocket();
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, heartbeat, iopub })
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Options.MaxMsgSize = _maxMessageSize;
        }

        shell.Bind(_connection.Endpoint(_connection.ShellPort));
        control.Bind(_connection.Endpoint(_connection.ControlPort));
        stdin.Bind(_connection.Endpoint(_connection.StdinPort));
        heartbeat.Bind(_connection.Endpoint(_connection.HeartbeatPort));
        iopub.Bind(_connection.Endpoint(_connection.IOPubPort));
        _log($"listening on {_connection.Transport}://{_connection.IP} shell={_connection.ShellPort} control={_connection.ControlPort} stdin={_connection.StdinPort} iopub={_connection.IOPubPort} hb={_connection.HeartbeatPort}; signing {(_signer.IsEnabled ? "on" : "off (empty key)")}");

        using var poller = new NetMQPoller { shell, control, stdin, heartbeat, _outgoing };
        shell.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Shell, dispatch);
        control.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Control, dispatch);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, KernelSocket.Stdin, dispatch);
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
                    _log($"could not send on {item.Channel}: {ex.Message}");
                }
            }
        };

        started();
        try
        {
            await Task.Run(poller.Run, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            poller.Remove(_outgoing);
            _closed = true;
        }
    }

    /// <summary>Queues a message for sending on <paramref name="channel"/> from the poller thread (dropped once closed).</summary>
    public void Send(KernelSocket channel, JupyterMessage message)
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
            _log($"could not queue {message.MessageType}: {e.Message}");
        }
    }

    /// <summary>Stops the poller once everything queued before this call has been sent.</summary>
    public void Stop()
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

    /// <inheritdoc/>
    public void Dispose()
    {
        _closed = true;
        try
        {
            _outgoing.Dispose();
        }
        catch (Exception e) when (e is ObjectDisposedException or NetMQException)
        {
            // The NetMQ context was already cleaned up.
        }
    }

    private static string SignatureOf(List<byte[]> frames)
    {
        var delimiter = frames.FindIndex(f => f.AsSpan().SequenceEqual(WireFormat.Delimiter));
        return delimiter >= 0 && delimiter + 1 < frames.Count ? Encoding.ASCII.GetString(frames[delimiter + 1]) : "";
    }

    private void Receive(NetMQSocket socket, KernelSocket channel, Action<KernelSocket, JupyterMessage> dispatch)
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

                    _log($"dropped a message on {channel}: {error} ({received.Count} frame(s), {received.Sum(f => (long)f.Length)} bytes)");
                    continue;
                }

                if (_signer.IsEnabled && !_replays.TryAccept(SignatureOf(received)))
                {
                    RejectedMessages++;
                    _log($"dropped a message on {channel}: replayed signature (a message with this signature was already received)");
                    continue;
                }
            }
            catch (Exception e)
            {
                _log($"dropped a message on {channel}: {e.GetType().Name}: {e.Message}");
                continue;
            }

            try
            {
                dispatch(channel, message!);
            }
            catch (Exception e)
            {
                _log($"error handling {message!.MessageType} on {channel}: {e}");
            }
        }
    }

    private sealed record Outgoing(KernelSocket Channel, List<byte[]> Frames, bool Stop);
}
