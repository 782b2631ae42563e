namespace SmartPulse.Display;

/// <summary>Marker type for the display assembly; charts and formatters arrive with their issue.</summary>
public static class DisplayAssembly
{
    /// <summary>The assembly's name, for diagnostics.</summary>
    public const string Name = "SmartPulse.Display";
}
