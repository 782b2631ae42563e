namespace SmartPulse.Notebooks.Kernel;

/// <summary>How a kernel's run ended.</summary>
/// <param name="Restart">Whether the client asked for a restart (<c>shutdown_request</c> with <c>restart: true</c>); the client starts the new process.</param>
public sealed record KernelExit(bool Restart);
