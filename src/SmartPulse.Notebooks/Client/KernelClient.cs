using System.Text.Json.Nodes;
using System.Threading.Channels;
using NetMQ;
using NetMQ.Sockets;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Client;

/// <summary>
/// The socket side of a Jupyter client: DEALER sockets on shell and control, a SUB socket on iopub,
/// all owned by one poller thread. Messages are signed with the connection's key; received messages
/// whose signature does not verify are dropped. Everything received arrives in order on
/// <see cref="Incoming"/>.
/// </summary>
public sealed class KernelClient : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly NetMQQueue<(ClientChannel Channel, List<byte[]> Frames)> _outgoing = new();
    private readonly Channel<(ClientChannel Channel, JupyterMessage Message)> _incoming = Channel.CreateUnbounded<(ClientChannel, JupyterMessage)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _session = Guid.NewGuid().ToString("N");
    private NetMQPoller? _poller;
    private Thread? _thread;
    private bool _disposed;

    /// <summary>Creates a client for <paramref name="connection"/>; call <see cref="Start"/> to connect.</summary>
    /// <param name="connection">The kernel's connection info.</param>
    public KernelClient(ConnectionInfo connection)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
    }

    /// <summary>The client's channels.</summary>
    public enum ClientChannel
    {
        /// <summary>Requests and replies.</summary>
        Shell,

        /// <summary>Interrupt and shutdown.</summary>
        Control,

        /// <summary>Broadcast outputs and status.</summary>
        IOPub,
    }

    /// <summary>Messages received on any channel, in arrival order.</summary>
    public ChannelReader<(ClientChannel Channel, JupyterMessage Message)> Incoming => _incoming.Reader;

    /// <summary>Connects the sockets and starts the poller thread.</summary>
    public void Start()
    {
        var ready = new ManualResetEventSlim();
        _thread = new Thread(() =>
        {
            using var shell = new DealerSocket();
            using var control = new DealerSocket();
            using var iopub = new SubscriberSocket();
            foreach (var socket in new NetMQSocket[] { shell, control, iopub })
            {
                socket.Options.Linger = TimeSpan.Zero;
            }

            iopub.SubscribeToAnyTopic();
            shell.Connect(_connection.Endpoint(_connection.ShellPort));
            control.Connect(_connection.Endpoint(_connection.ControlPort));
            iopub.Connect(_connection.Endpoint(_connection.IOPubPort));
            using var poller = new NetMQPoller { shell, control, iopub, _outgoing };
            shell.ReceiveReady += (_, e) => Receive(e.Socket, ClientChannel.Shell);
            control.ReceiveReady += (_, e) => Receive(e.Socket, ClientChannel.Control);
            iopub.ReceiveReady += (_, e) => Receive(e.Socket, ClientChannel.IOPub);
            _outgoing.ReceiveReady += (_, e) =>
            {
                while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
                {
                    (item.Channel == ClientChannel.Control ? control : shell).SendMultipartBytes(item.Frames);
                }
            };
            _poller = poller;
            ready.Set();
            poller.Run();
            _incoming.Writer.TryComplete();
        })
        {
            IsBackground = true,
            Name = "smartpulse-kernel-client",
        };
        _thread.Start();
        ready.Wait();
    }

    /// <summary>Sends a request.</summary>
    /// <param name="channel">Shell or control.</param>
    /// <param name="messageType">The <c>msg_type</c>.</param>
    /// <param name="content">The content.</param>
    /// <param name="metadata">Message metadata (for example nbclient's <c>cellId</c>); null for none.</param>
    /// <returns>The request's <c>msg_id</c>, which replies and iopub messages carry as their parent.</returns>
    public string Send(ClientChannel channel, string messageType, JsonObject content, JsonObject? metadata = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var template = JupyterMessage.Create(messageType, content, null, _session);
        template.Header["username"] = "smartpulse-run";
        var message = new JupyterMessage { Header = template.Header, Content = content, Metadata = metadata ?? [] };
        _outgoing.Enqueue((channel, WireFormat.Serialize(message, _signer)));
        return message.MessageId;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _poller?.Stop();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // Already stopped.
        }

        _thread?.Join(TimeSpan.FromSeconds(2));
        _outgoing.Dispose();
        _incoming.Writer.TryComplete();
    }

    private void Receive(NetMQSocket socket, ClientChannel channel)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            if (WireFormat.TryParse(frames, _signer, out var message, out _) && message is not null)
            {
                _incoming.Writer.TryWrite((channel, message));
            }

            frames = new List<byte[]>();
        }
    }
}
