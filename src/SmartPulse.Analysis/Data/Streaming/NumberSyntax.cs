namespace SmartPulse.Analysis.Data;

/// <summary>What a field parsed as.</summary>
internal enum NumberSyntax
{
    /// <summary>Not a finite number.</summary>
    None,

    /// <summary>A whole number (optional sign and digits only).</summary>
    Integer,

    /// <summary>A finite real number that is not written as a whole number.</summary>
    Real,
}
