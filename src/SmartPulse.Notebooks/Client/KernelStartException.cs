namespace SmartPulse.Notebooks.Client;

/// <summary>A kernel could not be started, exited before it was ready, or did not answer within the startup timeout.</summary>
public sealed class KernelStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelStartException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, with the kernel's stderr tail.</param>
    public KernelStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="inner">The cause.</param>
    public KernelStartException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
