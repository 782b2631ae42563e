using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Insights;

/// <summary>Options of <see cref="SegmentInsights.Profile"/>.</summary>
public sealed record ProfileOptions
{
    /// <summary>
    /// The columns to profile. Default (null): every numeric column except an id column — one named <c>ID</c>, or
    /// ending in <c>ID</c> or <c>Id</c> (for example <c>CustomerID</c>), or the <see cref="Dataset"/>'s id column.
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>How many distinguishing features to keep per segment (default 3, at least 1).</summary>
    public int TopFeatures { get; init; } = 3;

    /// <summary>The dataset the frame came from, if any: supplies display names and units for narratives.</summary>
    public DatasetDescriptor? Dataset { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="TopFeatures"/> is below 1.</exception>
    public void Validate()
    {
        if (TopFeatures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopFeatures), TopFeatures, $"TopFeatures is {TopFeatures}; it must be at least 1.");
        }
    }
}
