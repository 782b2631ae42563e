using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SmartPulse.Analysis.Features;

/// <summary>
/// The handful of lane-wise double operations the distance kernel needs, abstracted over the vector width so each
/// kernel loop is written once and the JIT specialises it per width (struct type arguments are compiled separately,
/// the static calls inline). <see cref="Lanes512"/>, <see cref="Lanes256"/> and <see cref="Lanes1"/> (scalar) implement it.
/// </summary>
/// <typeparam name="TV">The vector type (<see cref="Vector512{T}"/>, <see cref="Vector256{T}"/> or <see cref="double"/>).</typeparam>
internal interface ILanes<TV>
    where TV : struct
{
    static abstract int Count { get; }

    static abstract TV Zero { get; }

    static abstract TV Broadcast(double value);

    static abstract TV Load(ref double source, nuint offset);

    static abstract void Store(TV value, ref double target, nuint offset);

    /// <summary>(x − c)² + acc, fused (one rounding), lane-wise.</summary>
    static abstract TV SquareAdd(TV x, TV c, TV acc);

    static abstract TV Sqrt(TV value);

    /// <summary>2·s·w / (s + w) · acc, lane-wise: the Ward merge cost of sizes s and w at squared distance acc.</summary>
    static abstract TV WardCost(TV s, TV w, TV acc);

    /// <summary>Lanes where <paramref name="candidate"/> &lt; <paramref name="best"/> take the candidate and <paramref name="index"/>.</summary>
    static abstract void KeepSmaller(TV candidate, double index, ref TV best, ref TV bestIndex);

    static abstract double Element(TV value, int lane);
}

/// <summary>512-bit lanes (8 doubles).</summary>
internal readonly struct Lanes512 : ILanes<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;

    public static Vector512<double> Zero => Vector512<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Broadcast(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> value, ref double target, nuint offset) => value.StoreUnsafe(ref target, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SquareAdd(Vector512<double> x, Vector512<double> c, Vector512<double> acc)
    {
        var diff = x - c;
        return Vector512.FusedMultiplyAdd(diff, diff, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sqrt(Vector512<double> value) => Vector512.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> WardCost(Vector512<double> s, Vector512<double> w, Vector512<double> acc) => Vector512.Create(2.0) * s * w / (s + w) * acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(Vector512<double> candidate, double index, ref Vector512<double> best, ref Vector512<double> bestIndex)
    {
        var less = Vector512.LessThan(candidate, best);
        best = Vector512.ConditionalSelect(less, candidate, best);
        bestIndex = Vector512.ConditionalSelect(less, Vector512.Create(index), bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Element(Vector512<double> value, int lane) => value.GetElement(lane);
}

/// <summary>256-bit lanes (4 doubles).</summary>
internal readonly struct Lanes256 : ILanes<Vector256<double>>
{
    public static int Count => Vector256<double>.Count;

    public static Vector256<double> Zero => Vector256<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Broadcast(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref double target, nuint offset) => value.StoreUnsafe(ref target, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SquareAdd(Vector256<double> x, Vector256<double> c, Vector256<double> acc)
    {
        var diff = x - c;
        return Vector256.FusedMultiplyAdd(diff, diff, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sqrt(Vector256<double> value) => Vector256.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> WardCost(Vector256<double> s, Vector256<double> w, Vector256<double> acc) => Vector256.Create(2.0) * s * w / (s + w) * acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(Vector256<double> candidate, double index, ref Vector256<double> best, ref Vector256<double> bestIndex)
    {
        var less = Vector256.LessThan(candidate, best);
        best = Vector256.ConditionalSelect(less, candidate, best);
        bestIndex = Vector256.ConditionalSelect(less, Vector256.Create(index), bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Element(Vector256<double> value, int lane) => value.GetElement(lane);
}

/// <summary>One scalar lane: the tails, and machines without SIMD. Same operations, same rounding as the vector lanes.</summary>
internal readonly struct Lanes1 : ILanes<double>
{
    public static int Count => 1;

    public static double Zero => 0.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Broadcast(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, nuint offset) => Unsafe.Add(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double value, ref double target, nuint offset) => Unsafe.Add(ref target, offset) = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquareAdd(double x, double c, double acc)
    {
        var diff = x - c;
        return Math.FusedMultiplyAdd(diff, diff, acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt(double value) => Math.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double WardCost(double s, double w, double acc) => 2.0 * s * w / (s + w) * acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(double candidate, double index, ref double best, ref double bestIndex)
    {
        if (candidate < best)
        {
            best = candidate;
            bestIndex = index;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Element(double value, int lane) => value;
}
