using System.Globalization;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Client;

/// <summary>Free-form requests on a <see cref="KernelSession"/>, for callers that stream outputs themselves (<c>#!connect jupyter</c>).</summary>
public sealed partial class KernelSession
{
    /// <summary>
    /// Sends a shell request and passes every iopub message it causes (except status) to
    /// <paramref name="onIOPub"/> as it arrives, until the kernel has replied and is idle again.
    /// </summary>
    /// <param name="messageType">The request's <c>msg_type</c>, for example <c>execute_request</c> or <c>complete_request</c>.</param>
    /// <param name="content">The request content.</param>
    /// <param name="timeout">Longest wait for the reply and the idle status.</param>
    /// <param name="onIOPub">Receives the request's iopub messages in order; null to ignore them.</param>
    /// <param name="cancellationToken">Interrupts the kernel when cancelled; the request still waits for its reply.</param>
    /// <returns>The reply's content.</returns>
    /// <exception cref="InvalidOperationException">The kernel is dead or died during the request; the message says how, with its stderr tail.</exception>
    /// <exception cref="TimeoutException">No reply and idle status within <paramref name="timeout"/>.</exception>
    public async Task<JsonObject> RequestAsync(string messageType, JsonObject content, TimeSpan timeout, Action<JupyterMessage>? onIOPub = null, CancellationToken cancellationToken = default)
    {
        if (_deadReason is not null)
        {
            throw new InvalidOperationException(_deadReason);
        }

        var process = _process!;
        var id = _client!.Send(KernelClient.ClientChannel.Shell, messageType, content);
        using var interrupt = cancellationToken.Register(Interrupt);
        var deadline = Task.Delay(timeout, CancellationToken.None);
        JsonObject? reply = null;
        var idle = false;
        while (reply is null || !idle)
        {
            var read = NextMessage();
            var finished = await Task.WhenAny(read, process.Exited, deadline).ConfigureAwait(false);
            if (finished == process.Exited && !read.IsCompleted)
            {
                var exit = await process.Exited.ConfigureAwait(false);
                var tail = process.StderrTail().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
                _deadReason = $"the kernel process exited ({KernelProcess.DescribeExit(exit)}){(tail.Any() ? ": " + string.Join(" | ", tail) : "")}";
                throw new InvalidOperationException(_deadReason);
            }

            if (finished == deadline && !read.IsCompleted)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"the kernel did not answer {messageType} within {timeout.TotalSeconds:0.###} s"));
            }

            var (channel, message) = await read.ConfigureAwait(false);
            if (JupyterMessage.Text(message.ParentHeader, "msg_id") != id)
            {
                continue;
            }

            if (channel == KernelClient.ClientChannel.Shell)
            {
                reply = message.Content;
            }
            else if (channel == KernelClient.ClientChannel.IOPub && message.MessageType == "status")
            {
                idle |= JupyterMessage.Text(message.Content, "execution_state") == "idle";
            }
            else if (channel == KernelClient.ClientChannel.IOPub)
            {
                onIOPub?.Invoke(message);
            }
        }

        return reply;
    }

    /// <summary>Interrupts the running request the way the kernelspec asks: an <c>interrupt_request</c> on control, or SIGINT.</summary>
    public void Interrupt()
    {
        if (_process is not { HasExited: false } process || _client is not { } client)
        {
            return;
        }

        if (_launch.InterruptWithMessage)
        {
            client.Send(KernelClient.ClientChannel.Control, "interrupt_request", []);
        }
        else
        {
            process.SendInterruptSignal();
        }
    }
}
