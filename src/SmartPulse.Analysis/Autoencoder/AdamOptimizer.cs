using System.Numerics.Tensors;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// Adam exactly as Keras 3 writes it (<c>keras/src/optimizers/adam.py</c>), over a flat parameter vector. At step t
/// (1-based): α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); θ −= α·m/(√v + ε).
/// All element-wise TensorPrimitives kernels on preallocated buffers.
/// </summary>
internal sealed class AdamOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;

    public AdamOptimizer(int parameterCount, double learningRate, double beta1, double beta2, double epsilon)
    {
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _a = new double[parameterCount];
        _b = new double[parameterCount];
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    /// <summary>Steps taken so far.</summary>
    public long Iterations { get; private set; }

    /// <summary>Applies one update of <paramref name="parameters"/> from <paramref name="gradient"/>.</summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        Iterations++;
        var t = (double)Iterations;
        var alpha = _learningRate * Math.Sqrt(1.0 - Math.Pow(_beta2, t)) / (1.0 - Math.Pow(_beta1, t));

        // m += (g − m)(1 − β₁)
        TensorPrimitives.Subtract(gradient, _m, _a);
        TensorPrimitives.FusedMultiplyAdd(_a, 1.0 - _beta1, _m, _m);

        // v += (g² − v)(1 − β₂)
        TensorPrimitives.Multiply(gradient, gradient, _a);
        TensorPrimitives.Subtract(_a, _v, _a);
        TensorPrimitives.FusedMultiplyAdd(_a, 1.0 - _beta2, _v, _v);

        // θ −= (m·α) / (√v + ε)
        TensorPrimitives.Sqrt(_v, _a);
        TensorPrimitives.Add(_a, _epsilon, _a);
        TensorPrimitives.Multiply(_m, alpha, _b);
        TensorPrimitives.Divide(_b, _a, _b);
        TensorPrimitives.Subtract(parameters, _b, parameters);
    }
}
