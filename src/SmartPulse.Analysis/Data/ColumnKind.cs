namespace SmartPulse.Analysis.Data;

/// <summary>The logical type of a loaded column and the DataFrame column it becomes.</summary>
public enum ColumnKind
{
    /// <summary>Whole numbers (<c>Int64DataFrameColumn</c>), parsed with the invariant culture.</summary>
    Integer,

    /// <summary>Real numbers (<c>DoubleDataFrameColumn</c>), parsed with the invariant culture (<c>.</c> decimal point).</summary>
    Double,

    /// <summary>Calendar dates (<c>DateTimeDataFrameColumn</c>), parsed with a declared format.</summary>
    Date,

    /// <summary>Free text or categories (<c>StringDataFrameColumn</c>).</summary>
    Text,
}
