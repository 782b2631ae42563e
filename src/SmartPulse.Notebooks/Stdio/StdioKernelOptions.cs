using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Stdio;

/// <summary>Settings of a <see cref="StdioKernelHost"/>.</summary>
public sealed record StdioKernelOptions
{
    /// <summary>Settings of the host's script session (the same engine the Jupyter kernel and the runner use).</summary>
    public ScriptSessionOptions Session { get; init; } = new();

    /// <summary>Where the host logs protocol errors; null for the process's standard error.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>How long buffered console output may wait before it is sent as one <c>output</c> notification.</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);
}
