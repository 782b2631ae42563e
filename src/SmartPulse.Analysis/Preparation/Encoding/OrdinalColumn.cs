namespace SmartPulse.Analysis.Preparation;

/// <summary>One column to encode as integer codes.</summary>
/// <param name="Column">The column.</param>
/// <param name="Order">An explicit category order (code = index); null sorts the categories seen at fit ordinally (code-point order), as scikit-learn's LabelEncoder.</param>
public sealed record OrdinalColumn(string Column, IReadOnlyList<string>? Order = null);
