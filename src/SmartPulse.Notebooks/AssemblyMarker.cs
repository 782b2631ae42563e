namespace SmartPulse.Notebooks;

/// <summary>Marker type for the notebook engine assembly.</summary>
public static class NotebooksAssembly
{
    /// <summary>The assembly's name, for diagnostics.</summary>
    public const string Name = "SmartPulse.Notebooks";
}
