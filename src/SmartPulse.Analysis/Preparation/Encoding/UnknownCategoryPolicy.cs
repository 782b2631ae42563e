namespace SmartPulse.Analysis.Preparation;

/// <summary>What an encoder does with a category it did not see at fit time.</summary>
public enum UnknownCategoryPolicy
{
    /// <summary>Fail with a message naming the column, the value and the known categories.</summary>
    Error,

    /// <summary>Send it to an "other" bucket (one-hot: a <c>{column}_other</c> column; ordinal: code = number of known categories) and add a warning.</summary>
    Other,
}
