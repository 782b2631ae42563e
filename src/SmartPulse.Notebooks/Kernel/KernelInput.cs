using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// <see cref="Console.In"/> while the kernel runs: <c>Console.ReadLine()</c> in a cell sends an
/// <c>input_request</c> on stdin and waits for the frontend's <c>input_reply</c>. When the request
/// did not allow stdin (<c>allow_stdin: false</c>, as nbconvert sends) or no cell is running, reading
/// throws <see cref="InvalidOperationException"/> instead of blocking forever.
/// </summary>
internal sealed class KernelInput(JupyterKernel kernel) : TextReader
{
    private readonly object _gate = new();
    private JupyterMessage? _parent;
    private bool _allowed;
    private CancellationToken _cancellation;
    private TaskCompletionSource<string>? _pending;

    public void Begin(JupyterMessage parent, bool allowed, CancellationToken cancellation)
    {
        lock (_gate)
        {
            _parent = parent;
            _allowed = allowed;
            _cancellation = cancellation;
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _parent = null;
            _pending?.TrySetCanceled();
            _pending = null;
        }
    }

    public void Reply(JupyterMessage reply)
    {
        lock (_gate)
        {
            if (_pending is null)
            {
                kernel.Log("ignored an input_reply: no input was requested");
                return;
            }

            _pending.TrySetResult(JupyterMessage.Text(reply.Content, "value"));
            _pending = null;
        }
    }

    public override string? ReadLine() => Request("", password: false);

    public override int Read() => -1;

    public override int Peek() => -1;

    public override string ReadToEnd() => ReadLine() ?? "";

    internal string? Request(string prompt, bool password)
    {
        TaskCompletionSource<string> pending;
        CancellationToken cancellation;
        lock (_gate)
        {
            if (_parent is null)
            {
                return null;
            }

            if (!_allowed)
            {
                throw new InvalidOperationException("This frontend does not support input: the execute_request had allow_stdin false (for example under nbconvert or papermill). Pass values as parameters instead of reading the console.");
            }

            pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending = pending;
            cancellation = _cancellation;
            kernel.Send(KernelSocket.Stdin, JupyterMessage.Create(
                "input_request",
                new JsonObject { ["prompt"] = prompt, ["password"] = password },
                _parent,
                kernel.Session));
        }

        pending.Task.Wait(cancellation);
        return pending.Task.Result;
    }
}
