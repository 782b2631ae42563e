namespace SmartPulse.Analysis;
/// <summary>Marker.</summary>
public static class AnalysisAssembly { /// <summary>Name.</summary>
public const string Name = "SmartPulse.Analysis"; }
