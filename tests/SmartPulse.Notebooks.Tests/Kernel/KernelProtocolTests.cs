using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Tests.Kernel;

/// <summary>
/// Drives an in-process kernel over real ZeroMQ sockets with a small C# client (no Python needed):
/// busy/idle around kernel_info, execute outputs, interrupting an infinite loop, dropping wrongly
/// signed and malformed messages, unknown message types, shutdown.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class KernelProtocolTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KernelAnswersExecutesInterruptsAndDropsBadMessages()
    {
        var connection = new ConnectionInfo("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), "secret-key", ConnectionInfo.HmacSha256);
        var log = new StringWriter();
        using var kernel = new JupyterKernel(connection, new JupyterKernelOptions { Log = TextWriter.Synchronized(log) });
        var run = kernel.RunAsync();
        var signer = new MessageSigner(connection.Key);
        using var shell = new DealerSocket();
        using var control = new DealerSocket();
        using var iopub = new SubscriberSocket();
        shell.Options.Identity = "client-shell"u8.ToArray();
        control.Options.Identity = "client-control"u8.ToArray();
        shell.Connect(connection.Endpoint(connection.ShellPort));
        control.Connect(connection.Endpoint(connection.ControlPort));
        iopub.Connect(connection.Endpoint(connection.IOPubPort));
        iopub.SubscribeToAnyTopic();

        try
        {
            // kernel_info, retried until iopub is connected (as jupyter_client does): wrapped in busy/idle.
            JupyterMessage? info = null;
            List<JupyterMessage> statuses = [];
            for (var attempt = 0; attempt < 50 && statuses.Count < 2; attempt++)
            {
                var request = Send(shell, signer, "kernel_info_request", []);
                info = Receive(shell, signer);
                statuses = Drain(iopub, signer, request.MessageId, TimeSpan.FromMilliseconds(300)).Where(m => m.MessageType == "status").ToList();
            }

            Assert.Equal("kernel_info_reply", info!.MessageType);
            Assert.Equal("5.3", JupyterMessage.Text(info.Content, "protocol_version"));
            Assert.Equal("C#", info.Content["language_info"]!["name"]!.GetValue<string>());
            Assert.Equal(["busy", "idle"], statuses.Select(s => JupyterMessage.Text(s.Content, "execution_state")));

            // execute: execute_input, stream, execute_result with text/plain, reply ok.
            var execute = Send(shell, signer, "execute_request", Code("Console.Write(\"hi\"); 6 * 7"));
            var reply = Receive(shell, signer);
            Assert.Equal("ok", JupyterMessage.Text(reply.Content, "status"));
            var outputs = Drain(iopub, signer, execute.MessageId, TimeSpan.FromSeconds(1));
            Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], outputs.Select(m => m.MessageType));
            Assert.Equal("42", outputs[3].Content["data"]!["text/plain"]!.GetValue<string>());

            // A wrongly signed execute_request and a malformed message are dropped: no reply, no execution.
            var forged = JupyterMessage.Create("execute_request", Code("Environment.Exit(3);"), null, "attacker");
            shell.SendMultipartBytes(WireFormat.Serialize(forged, new MessageSigner("wrong-key")));
            shell.SendMultipartBytes([WireFormat.Delimiter, "0000"u8.ToArray(), "{"u8.ToArray()]);
            Assert.False(shell.TryReceiveMultipartBytes(TimeSpan.FromSeconds(1), ref _frames), "a dropped message was answered");
            Assert.Equal(1, kernel.RejectedMessages);
            Assert.Contains("invalid signature", log.ToString(), StringComparison.Ordinal);

            // An unknown request type gets an error reply; the kernel keeps serving.
            Send(shell, signer, "frobnicate_request", []);
            var unknown = Receive(shell, signer);
            Assert.Equal("frobnicate_reply", unknown.MessageType);
            Assert.Equal("error", JupyterMessage.Text(unknown.Content, "status"));

            // while (true) is interrupted from control; the next cell runs.
            // Interrupted once the kernel published the cell's execute_input (it then owns the cell's cancellation), not
            // after a fixed delay that a loaded machine can outlast before the kernel even took the request.
            var loop = Send(shell, signer, "execute_request", Code("while (true) { }"));
            while (Receive(iopub, signer) is var published && (JupyterMessage.Text(published.ParentHeader, "msg_id") != loop.MessageId || published.MessageType != "execute_input"))
            {
            }

            await Task.Delay(500);
            Send(control, signer, "interrupt_request", []);
            Assert.Equal("interrupt_reply", Receive(control, signer).MessageType);
            var interrupted = Receive(shell, signer);
            Assert.Equal(loop.MessageId, JupyterMessage.Text(interrupted.ParentHeader, "msg_id"));
            Assert.Equal("error", JupyterMessage.Text(interrupted.Content, "status"));
            Assert.Single(Drain(iopub, signer, loop.MessageId, TimeSpan.FromSeconds(1)), m => m.MessageType == "error");
            Send(shell, signer, "execute_request", Code("1 + 1"));
            Assert.Equal("ok", JupyterMessage.Text(Receive(shell, signer).Content, "status"));

            // shutdown on control ends RunAsync.
            Send(control, signer, "shutdown_request", new JsonObject { ["restart"] = false });
            Assert.Equal("shutdown_reply", Receive(control, signer).MessageType);
            Assert.False((await run.WaitAsync(Wait)).Restart);
        }
        finally
        {
            if (!run.IsCompleted)
            {
                Send(control, signer, "shutdown_request", []);
                await Task.WhenAny(run, Task.Delay(Wait));
            }
        }
    }

    private static List<byte[]> _frames = [];

    private static JsonObject Code(string code) => new()
    {
        ["code"] = code,
        ["silent"] = false,
        ["store_history"] = true,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
        ["stop_on_error"] = true,
    };

    private static JupyterMessage Send(NetMQSocket socket, MessageSigner signer, string type, JsonObject content)
    {
        var message = JupyterMessage.Create(type, content, null, "test-client");
        socket.SendMultipartBytes(WireFormat.Serialize(message, signer));
        return message;
    }

    private static JupyterMessage Receive(NetMQSocket socket, MessageSigner signer)
    {
        var frames = new List<byte[]>();
        Assert.True(socket.TryReceiveMultipartBytes(Wait, ref frames), "no reply within the timeout");
        Assert.True(WireFormat.TryParse(frames, signer, out var message, out var error), error);
        return message!;
    }

    private static List<JupyterMessage> Drain(SubscriberSocket iopub, MessageSigner signer, string parentId, TimeSpan quiet)
    {
        var messages = new List<JupyterMessage>();
        var frames = new List<byte[]>();
        while (iopub.TryReceiveMultipartBytes(quiet, ref frames))
        {
            if (WireFormat.TryParse(frames, signer, out var message, out _) && JupyterMessage.Text(message!.ParentHeader, "msg_id") == parentId)
            {
                messages.Add(message);
                if (message.MessageType == "status" && JupyterMessage.Text(message.Content, "execution_state") == "idle")
                {
                    break;
                }
            }

            frames = [];
        }

        return messages;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Kernel tests start kernels (processes or in-process sockets); run them one at a time on the shared cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelCollection
{
    public const string Name = "kernel";
}
