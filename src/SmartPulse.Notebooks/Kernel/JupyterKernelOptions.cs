using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>Settings of a <see cref="JupyterKernel"/>.</summary>
public sealed record JupyterKernelOptions
{
    /// <summary>Settings of the kernel's script session (the same engine the headless runner uses).</summary>
    public ScriptSessionOptions Session { get; init; } = new();

    /// <summary>Where the kernel logs (dropped messages, protocol errors); null for nowhere (the kernel's log lines never reach a user's console unless asked for).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Largest accepted message in bytes; a larger one makes ZeroMQ drop the sender's connection (the kernel keeps serving). Default 512 MiB.</summary>
    public long MaxMessageSize { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Subkernels to start in the background when the kernel starts (<see cref="Kernels.CompositeKernelOptions.WarmUp"/>:
    /// <c>fsharp</c>, <c>sql</c>); <c>smartpulse kernel --warm-up</c>. The runner passes the ones its notebook uses;
    /// a Jupyter front end gets none unless its kernelspec asks (<c>smartpulse kernel install --warm-up fsharp</c>),
    /// so a C# notebook does not pay F# Interactive's start in memory and CPU.
    /// </summary>
    public IReadOnlyList<string> WarmUp { get; init; } = [];

    /// <summary>How long buffered console output may wait before it is published as one <c>stream</c> message.</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
