namespace SmartPulse.Analysis.Insights;

/// <summary>A run of literal text with one emphasis. The text is plain: renderers escape it for their format.</summary>
/// <param name="Text">The words, exactly as a reader should see them (no markup).</param>
/// <param name="Emphasis">How the run is stressed.</param>
public sealed record NarrativeSpan(string Text, Emphasis Emphasis = Emphasis.None);
