namespace SmartPulse.Server.App;

/// <summary>Where a segmentation job is.</summary>
internal enum JobState
{
    /// <summary>Waiting for a free worker.</summary>
    Queued,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Finished with results.</summary>
    Done,

    /// <summary>Stopped by an error (the message is kept).</summary>
    Failed,

    /// <summary>Cancelled by the user.</summary>
    Cancelled,
}
