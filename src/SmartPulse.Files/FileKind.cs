namespace SmartPulse.Files;

/// <summary>What sits at a path after following symbolic links.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character or block device such as <c>/dev/null</c>.</summary>
    Device,

    /// <summary>A named pipe (FIFO).</summary>
    Fifo,

    /// <summary>A socket or another special file.</summary>
    Other,
}
