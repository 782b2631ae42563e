namespace SmartPulse.Cli.Commands;

/// <summary>Which groups of <see cref="DataOptions"/> a command takes.</summary>
[Flags]
public enum DataOptionSet
{
    /// <summary>How the file is read: <c>--input-format</c>, <c>--sep</c>, <c>--decimal</c>, <c>--thousands</c>, <c>--encoding</c>, <c>--threads</c>.</summary>
    Reading = 1,

    /// <summary>Large data in memory: <c>--sample</c>, <c>--float32</c>.</summary>
    Scale = 2,

    /// <summary>Streaming the file in blocks: <c>--out-of-core</c>.</summary>
    Streaming = 4,

    /// <summary>The written file: <c>--out-format</c>.</summary>
    Output = 8,

    /// <summary>Every group.</summary>
    All = Reading | Scale | Streaming | Output,
}
