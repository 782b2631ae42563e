using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Server.App;

/// <summary>One segmentation started from the app: its inputs, live progress, and the results or the error.</summary>
internal sealed class SegmentJob(string id, string owner, StoredDataset dataset, SegmentationOptions options) : IProgress<string>
{
    /// <summary>Stages reported by a typical run (for the progress bar).</summary>
    public const int ExpectedStages = 6;

    private readonly Lock _gate = new();
    private readonly List<string> _stages = [];

    /// <summary>Random id used in URLs.</summary>
    public string Id { get; } = id;

    /// <summary>The session that started it.</summary>
    public string Owner { get; } = owner;

    /// <summary>The data.</summary>
    public StoredDataset Dataset { get; } = dataset;

    /// <summary>The settings.</summary>
    public SegmentationOptions Options { get; } = options;

    /// <summary>Cancels the work.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The state.</summary>
    public JobState State { get; set; } = JobState.Queued;

    /// <summary>The error message when <see cref="State"/> is Failed.</summary>
    public string? Error { get; set; }

    /// <summary>The results when <see cref="State"/> is Done.</summary>
    public AppReport? Result { get; set; }

    /// <summary>The stages so far, oldest first.</summary>
    public IReadOnlyList<string> Stages
    {
        get
        {
            lock (_gate)
            {
                return [.. _stages];
            }
        }
    }

    /// <summary>True when the job can still change.</summary>
    public bool IsActive => State is JobState.Queued or JobState.Running;

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate)
        {
            _stages.Add(value);
        }
    }
}
