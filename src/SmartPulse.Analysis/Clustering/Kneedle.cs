namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Knee / elbow detection by Kneedle (Satopää, Albrecht, Irwin, Raghavan 2011): both axes are normalised to [0, 1], the
/// difference curve between the chord joining the first and last points and the curve is formed, and the knee is the
/// point where that difference is largest (the point farthest from the chord). Works for any monotone curve; the
/// curve's shape (convex or concave) is inferred from which side of the chord it bends to.
/// </summary>
public static class Kneedle
{
    /// <summary>
    /// Index of the knee of the curve (<paramref name="x"/>, <paramref name="y"/>), or null when the curve is (nearly)
    /// straight: no point lies more than <paramref name="minimumDifference"/> (normalised units) from the chord.
    /// </summary>
    /// <param name="x">Strictly increasing x values (e.g. k).</param>
    /// <param name="y">y values (e.g. inertia), monotone for a meaningful knee.</param>
    /// <param name="minimumDifference">Smallest normalised distance from the chord that counts as a knee; default 0.01.</param>
    public static int? FindKnee(IReadOnlyList<double> x, IReadOnlyList<double> y, double minimumDifference = 0.01)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y has {y.Count}; they must pair up.", nameof(y));
        }

        var n = x.Count;
        if (n < 3)
        {
            return null;
        }

        var x0 = x[0];
        var x1 = x[n - 1];
        var yMin = y.Min();
        var yMax = y.Max();
        if (x1 <= x0 || yMax <= yMin)
        {
            return null;
        }

        // Normalised points; chord from the first to the last point.
        double Nx(int i) => (x[i] - x0) / (x1 - x0);
        double Ny(int i) => (y[i] - yMin) / (yMax - yMin);
        var ya = Ny(0);
        var yb = Ny(n - 1);
        var below = 0.0;
        var above = 0.0;
        var diffs = new double[n];
        for (var i = 0; i < n; i++)
        {
            var chord = ya + ((yb - ya) * Nx(i));
            diffs[i] = chord - Ny(i);
            below += Math.Max(0, diffs[i]);
            above += Math.Max(0, -diffs[i]);
        }

        // Convex curves bend below the chord, concave ones above it.
        var sign = below >= above ? 1.0 : -1.0;
        var best = -1;
        var bestDiff = minimumDifference;
        for (var i = 1; i < n - 1; i++)
        {
            if (sign * diffs[i] > bestDiff)
            {
                bestDiff = sign * diffs[i];
                best = i;
            }
        }

        return best < 0 ? null : best;
    }
}
