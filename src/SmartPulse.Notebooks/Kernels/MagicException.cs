namespace SmartPulse.Notebooks.Kernels;

/// <summary>A magic command or kernel switch that cannot run as written; the message says what to fix.</summary>
public sealed class MagicException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="errorName">The <c>ename</c> of the cell's error output.</param>
    public MagicException(string message, string errorName = Execution.ErrorOutputs.DirectiveError)
        : base(message)
    {
        ErrorName = errorName;
    }

    /// <summary>The <c>ename</c> of the cell's error output (<c>DirectiveError</c>, or <c>UnsupportedKernelError</c> for an unknown kernel).</summary>
    public string ErrorName { get; }
}
