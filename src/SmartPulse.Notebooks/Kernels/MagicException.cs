namespace SmartPulse.Notebooks.Kernels;

/// <summary>A magic command or kernel switch that cannot run as written; the message says what to fix.</summary>
public sealed class MagicException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public MagicException(string message)
        : base(message)
    {
    }
}
