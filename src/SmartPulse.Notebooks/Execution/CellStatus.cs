namespace SmartPulse.Notebooks.Execution;

/// <summary>How a cell execution ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to completion.</summary>
    Ok,

    /// <summary>A compile error, an exception, a failed directive or an unsupported kernel.</summary>
    Error,

    /// <summary>Exceeded its timeout; the session continues from the state before the cell.</summary>
    TimedOut,

    /// <summary>Cancelled by the caller (for example a kernel interrupt).</summary>
    Cancelled,
}
