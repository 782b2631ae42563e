namespace SmartPulse.Files;

/// <summary>
/// An output path SmartPulse refuses to write: it is one of the inputs, or it names something that
/// is not a regular file (device, FIFO, directory), or a read-only file without <c>--force</c>.
/// Command lines map it to exit code 2. The message names the path and the flag to change.
/// </summary>
public sealed class UnsafeOutputException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The refused output path, as the user gave it.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public UnsafeOutputException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The refused output path.</summary>
    public string Path { get; }
}
