namespace SmartPulse.Analysis.Preparation;

/// <summary>The learned centre and scale of one column: x′ = (x − Center) / Scale.</summary>
/// <param name="Column">The column.</param>
/// <param name="Center">Subtracted first.</param>
/// <param name="Scale">Divided by next (1 when the column was constant at fit).</param>
public sealed record ColumnScale(string Column, double Center, double Scale);
