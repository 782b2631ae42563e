namespace SmartPulse.Notebooks.Kernel;

/// <summary>The Jupyter kernel's sockets.</summary>
internal enum KernelSocket
{
    /// <summary>Requests and replies.</summary>
    Shell,

    /// <summary>Interrupt, shutdown: served even while a cell runs.</summary>
    Control,

    /// <summary>Input requests to the frontend.</summary>
    Stdin,

    /// <summary>Broadcast outputs and status.</summary>
    IOPub,
}
