using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// The Jupyter kernel's <c>execute_request</c>: pager requests (<c>expr?</c>, <c>#!help</c>) answered as
/// payloads, cells run in the <see cref="CompositeKernel"/> with outputs published on iopub as they
/// come, history stored, and <c>stop_on_error</c> honoured (requests queued behind a failed cell are
/// aborted). It owns the running cell's cancellation, which interrupts and shutdown cancel.
/// </summary>
internal sealed class ExecuteRequestHandler(
    JupyterKernel kernel,
    CompositeKernel composite,
    CSharpLanguageService language,
    KernelInput input,
    KernelHistory history,
    TimeSpan streamFlushInterval)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _running;
    private long _received;
    private long _abortUpTo;

    /// <summary>Numbers a shell request as it arrives (requests up to a failed cell's number are aborted).</summary>
    /// <returns>The request's sequence number.</returns>
    public long Arrived() => Interlocked.Increment(ref _received);

    /// <summary>Cancels the running cell, if any.</summary>
    /// <returns>Whether a cell was running.</returns>
    public bool CancelRunning()
    {
        lock (_gate)
        {
            if (_running is { IsCancellationRequested: false } running)
            {
                running.Cancel();
                return true;
            }

            return false;
        }
    }

    /// <summary>Handles one <c>execute_request</c>.</summary>
    /// <param name="sequence">Its number from <see cref="Arrived"/>.</param>
    /// <param name="message">The request.</param>
    /// <param name="stopping">Whether the kernel is shutting down (the request is then aborted).</param>
    /// <returns>A task.</returns>
    public async Task ExecuteAsync(long sequence, JupyterMessage message, bool stopping)
    {
        var content = message.Content;
        var code = JupyterMessage.Text(content, "code");
        var silent = JupyterMessage.Flag(content, "silent", false);
        var stopOnError = JupyterMessage.Flag(content, "stop_on_error", true);
        if (sequence <= Interlocked.Read(ref _abortUpTo) || stopping)
        {
            kernel.Log("aborted an execute_request queued behind a failed cell");
            kernel.Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = composite.ExecutionCount });
            return;
        }

        if (KernelPager.Parse(code) is { } help)
        {
            if (!silent)
            {
                kernel.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = composite.ExecutionCount }, message);
            }

            kernel.Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = composite.ExecutionCount,
                ["payload"] = new JsonArray(KernelPager.Payload(help.Expression, language.Inspect(help.Expression, help.Expression.Length, help.Detail))),
                ["user_expressions"] = new JsonObject(),
            });
            return;
        }

        // The cell owns the cancellation before execute_input goes out: a client that interrupts once it saw
        // execute_input always finds the cell to stop.
        using var cancellation = new CancellationTokenSource();
        lock (_gate)
        {
            _running = cancellation;
        }

        if (!silent)
        {
            kernel.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = composite.ExecutionCount + 1 }, message);
        }

        var observer = new IOPubObserver(kernel, message, silent, streamFlushInterval);
        CellExecutionResult result;
        try
        {
            input.Begin(message, JupyterMessage.Flag(content, "allow_stdin", false), cancellation.Token);
            result = await composite.ExecuteAsync(code, observer, null, null, null, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }

            input.End();
            observer.Complete();
        }

        if (!silent && JupyterMessage.Flag(content, "store_history", true))
        {
            history.Add(result.ExecutionCount, code, result.Outputs.LastOrDefault(o => o.OutputType == CellOutput.ExecuteResultType)?.PlainText());
        }

        if (result.Succeeded)
        {
            kernel.Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
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
        kernel.Reply(KernelSocket.Shell, message, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = result.ExecutionCount,
            ["ename"] = error?.ErrorName ?? result.Status.ToString(),
            ["evalue"] = error?.ErrorValue ?? "",
            ["traceback"] = new JsonArray([.. (error?.Traceback ?? []).Select(t => JsonValue.Create(t))]),
        });
    }
}
