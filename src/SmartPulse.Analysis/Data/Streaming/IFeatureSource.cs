namespace SmartPulse.Analysis.Data;

/// <summary>Where the out-of-core passes get their feature blocks: a file read again on every pass, or a float32 copy held in memory.</summary>
internal interface IFeatureSource
{
    /// <summary>The file the features come from (for messages).</summary>
    string Path { get; }

    /// <summary>One pass: the blocks in row order, all full but the last; a block is reused once the next is asked for.</summary>
    IEnumerable<FeatureChunk> Read(Action<long, long>? progress = null);
}
