namespace SmartPulse.Analysis.Insights;

/// <summary>How a <see cref="NarrativeSpan"/> is stressed; renderers choose the markup (markdown <c>*…*</c> / <c>**…**</c>, HTML <c>em</c> / <c>strong</c>).</summary>
public enum Emphasis
{
    /// <summary>Ordinary text.</summary>
    None,

    /// <summary>Emphasised (usually italic): asides such as "Why this name:" or a caveat.</summary>
    Emphasized,

    /// <summary>Strongly emphasised (usually bold): the key fact or verdict of a paragraph.</summary>
    Strong,
}
