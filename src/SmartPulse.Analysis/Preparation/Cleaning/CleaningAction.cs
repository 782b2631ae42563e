namespace SmartPulse.Analysis.Preparation;

/// <summary>What the cleaner does with a row a rule touches.</summary>
public enum CleaningAction
{
    /// <summary>Remove the row.</summary>
    Drop,

    /// <summary>Keep the row and name the rules it broke in a <c>Cleaning_Flags</c> text column.</summary>
    Flag,
}
