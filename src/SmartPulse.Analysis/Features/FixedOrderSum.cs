using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SmartPulse.Analysis.Features;

/// <summary>
/// A SIMD sum whose rounding does not depend on the machine. <c>TensorPrimitives.Sum</c> accumulates in lanes as wide
/// as the hardware offers (8 doubles with AVX-512, 4 with AVX2), so the same data summed on two machines can differ in
/// the last bits, and notebooks executed on one machine would not reproduce byte for byte on another.
/// <para>
/// Definition: eight partial sums, lane <c>l</c> adding <c>x[8b + l]</c> for every whole block <c>b</c> in order
/// (starting from 0); then <c>((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇))</c>; then the tail elements one by one in
/// index order. The 512-bit path (one vector), the 256-bit path (two vectors) and the scalar path perform exactly
/// those additions, so the result is bit-identical everywhere.
/// </para>
/// </summary>
internal static class FixedOrderSum
{
    private const int Lanes = 8;

    /// <summary>Σ <paramref name="values"/>, in the fixed order above, on the widest vectors the machine accelerates.</summary>
    public static double Sum(ReadOnlySpan<double> values) =>
        Vector512.IsHardwareAccelerated ? Sum512(values)
        : Vector256.IsHardwareAccelerated ? Sum256(values)
        : SumScalar(values);

    /// <summary>The fixed-order sum on one 512-bit accumulator (exact on any machine; fast where AVX-512 exists).</summary>
    internal static double Sum512(ReadOnlySpan<double> values)
    {
        ref var x = ref MemoryMarshal.GetReference(values);
        var blocks = (nuint)(values.Length / Lanes);
        var acc = Vector512<double>.Zero;
        for (nuint b = 0; b < blocks; b++)
        {
            acc += Vector512.LoadUnsafe(ref x, b * Lanes);
        }

        return Finish(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7], values);
    }

    /// <summary>The fixed-order sum on two 256-bit accumulators (lanes 0–3 and 4–7).</summary>
    internal static double Sum256(ReadOnlySpan<double> values)
    {
        ref var x = ref MemoryMarshal.GetReference(values);
        var blocks = (nuint)(values.Length / Lanes);
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        for (nuint b = 0; b < blocks; b++)
        {
            low += Vector256.LoadUnsafe(ref x, b * Lanes);
            high += Vector256.LoadUnsafe(ref x, (b * Lanes) + 4);
        }

        return Finish(low[0], low[1], low[2], low[3], high[0], high[1], high[2], high[3], values);
    }

    /// <summary>The fixed-order sum on eight scalar accumulators.</summary>
    internal static double SumScalar(ReadOnlySpan<double> values)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        var blocks = values.Length / Lanes;
        for (var b = 0; b < blocks; b++)
        {
            var o = b * Lanes;
            s0 += values[o];
            s1 += values[o + 1];
            s2 += values[o + 2];
            s3 += values[o + 3];
            s4 += values[o + 4];
            s5 += values[o + 5];
            s6 += values[o + 6];
            s7 += values[o + 7];
        }

        return Finish(s0, s1, s2, s3, s4, s5, s6, s7, values);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Finish(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7, ReadOnlySpan<double> values)
    {
        var sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (var i = values.Length / Lanes * Lanes; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
