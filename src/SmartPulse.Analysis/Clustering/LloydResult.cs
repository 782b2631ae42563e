namespace SmartPulse.Analysis.Clustering;

/// <summary>Outcome of one Lloyd run (internal).</summary>
internal sealed record LloydResult(double[] Centers, int[] Labels, double Inertia, int Iterations, bool Converged, int RelocatedEmpty);
