using System.Numerics.Tensors;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// The shape of a stack of dense layers and its numerical kernels (forward pass, MSE loss, back-propagation) over a
/// flat parameter vector. Layer l has kernel W_l (inputs × units, row-major, Keras's layout) at
/// <see cref="WeightOffset"/>[l] followed by bias b_l (units) at <see cref="BiasOffset"/>[l].
/// </summary>
/// <remarks>
/// Activations are batch-major (row b of a layer's output is <c>units</c> contiguous doubles). Every kernel is
/// element-wise (TensorPrimitives FusedMultiplyAdd / Add / Max / Subtract / Sqrt / Divide over whole buffers and over
/// row spans of at least <see cref="ScalarBelow"/> doubles; a scalar fused multiply-add loop for shorter spans) or a
/// scalar loop in a fixed order. There are no SIMD reductions (Dot, Sum), whose grouping of partial sums depends on
/// array alignment for long spans in TensorPrimitives. So a row's result depends only on the parameters and that
/// row, and repeated runs are bit-identical.
/// </remarks>
internal sealed class DenseNetwork
{
    public DenseNetwork(int inputWidth, IReadOnlyList<DenseLayerSpec> layers)
    {
        InputWidth = inputWidth;
        LayerCount = layers.Count;
        Inputs = new int[LayerCount];
        Units = new int[LayerCount];
        Activations = new Activation[LayerCount];
        WeightOffset = new int[LayerCount];
        BiasOffset = new int[LayerCount];
        var width = inputWidth;
        var offset = 0;
        for (var l = 0; l < LayerCount; l++)
        {
            Inputs[l] = width;
            Units[l] = layers[l].Units;
            Activations[l] = layers[l].Activation;
            WeightOffset[l] = offset;
            offset += width * Units[l];
            BiasOffset[l] = offset;
            offset += Units[l];
            width = Units[l];
            MaxWidth = Math.Max(MaxWidth, width);
        }

        MaxWidth = Math.Max(MaxWidth, inputWidth);
        ParameterCount = offset;
    }

    /// <summary>
    /// Row spans shorter than this (two AVX-512 vectors of doubles) go through a scalar <see cref="Math.FusedMultiplyAdd"/>
    /// loop instead of TensorPrimitives: for the seed model's 3- and 6-wide layers the per-call cost exceeds the work
    /// (measured on the 100,000 × 10 benchmark: 0.59 s thread CPU with TensorPrimitives on every span, 0.50 s below 8,
    /// 0.45 s below 16). Both paths round once per element, so the result is the same bit for bit.
    /// </summary>
    internal const int ScalarBelow = 16;

    public int InputWidth { get; }

    public int LayerCount { get; }

    public int[] Inputs { get; }

    public int[] Units { get; }

    public Activation[] Activations { get; }

    public int[] WeightOffset { get; }

    public int[] BiasOffset { get; }

    public int ParameterCount { get; }

    /// <summary>The widest layer (or input), for sizing buffers.</summary>
    public int MaxWidth { get; }

    /// <summary>Glorot-uniform kernels (U(−√(6/(fan_in+fan_out)), +√(…)), drawn layer by layer, row-major) and zero biases.</summary>
    public void InitialiseGlorotUniform(Span<double> parameters, Random random)
    {
        parameters.Clear();
        for (var l = 0; l < LayerCount; l++)
        {
            var limit = Math.Sqrt(6.0 / (Inputs[l] + Units[l]));
            var w = parameters.Slice(WeightOffset[l], Inputs[l] * Units[l]);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = ((2.0 * random.NextDouble()) - 1.0) * limit;
            }
        }
    }

    /// <summary>
    /// Forward pass of one layer for <paramref name="rows"/> rows: output[b] = f(b_l + Σ_i input[b,i]·W_l[i,:]).
    /// </summary>
    public void ForwardLayer(int l, ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, int rows, Span<double> output)
    {
        var inputs = Inputs[l];
        var units = Units[l];
        var w = parameters.Slice(WeightOffset[l], inputs * units);
        var bias = parameters.Slice(BiasOffset[l], units);
        for (var b = 0; b < rows; b++)
        {
            var z = output.Slice(b * units, units);
            bias.CopyTo(z);
            var x = input.Slice(b * inputs, inputs);
            for (var i = 0; i < inputs; i++)
            {
                MultiplyAdd(w.Slice(i * units, units), x[i], z);
            }
        }

        Activate(Activations[l], output[..(rows * units)]);
    }

    /// <summary>Applies an activation in place.</summary>
    public static void Activate(Activation activation, Span<double> values)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.ReLU:
                TensorPrimitives.Max(values, 0.0, values);
                break;
            case Activation.Sigmoid:
                // Scalar on purpose: vectorised exp approximations and their scalar tails need not agree bit for bit.
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = 1.0 / (1.0 + Math.Exp(-values[i]));
                }

                break;
            case Activation.Tanh:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Math.Tanh(values[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>Multiplies, in place, the gradient w.r.t. a layer's outputs by f'(z), written in terms of the outputs a.</summary>
    public static void MultiplyByDerivative(Activation activation, ReadOnlySpan<double> outputs, Span<double> gradient)
    {
        switch (activation)
        {
            case Activation.Linear:
                break;
            case Activation.ReLU:
                for (var i = 0; i < gradient.Length; i++)
                {
                    if (!(outputs[i] > 0.0))
                    {
                        gradient[i] = 0.0;
                    }
                }

                break;
            case Activation.Sigmoid:
                for (var i = 0; i < gradient.Length; i++)
                {
                    var a = outputs[i];
                    gradient[i] *= a * (1.0 - a);
                }

                break;
            case Activation.Tanh:
                for (var i = 0; i < gradient.Length; i++)
                {
                    var a = outputs[i];
                    gradient[i] *= 1.0 - (a * a);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>Mean squared error Σ (prediction − target)² / count, summed in index order.</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target)
    {
        var sum = 0.0;
        for (var i = 0; i < prediction.Length; i++)
        {
            var d = prediction[i] - target[i];
            sum += d * d;
        }

        return sum / prediction.Length;
    }

    /// <summary>
    /// Forward and backward pass of a batch: returns the MSE loss of reconstructing <paramref name="input"/>
    /// (rows × <see cref="InputWidth"/>) and writes ∂loss/∂parameters into <paramref name="gradient"/>.
    /// <paramref name="transposed"/> must hold each kernel transposed (see <see cref="Transpose"/>).
    /// </summary>
    public double LossAndGradient(
        ReadOnlySpan<double> parameters,
        ReadOnlySpan<double> transposed,
        ReadOnlySpan<double> input,
        int rows,
        Workspace work,
        Span<double> gradient)
    {
        // Forward, keeping every layer's outputs.
        for (var l = 0; l < LayerCount; l++)
        {
            ForwardLayer(l, parameters, l == 0 ? input : work.Outputs[l - 1], rows, work.Outputs[l]);
        }

        var last = LayerCount - 1;
        var count = rows * Units[last];
        var prediction = work.Outputs[last].AsSpan(0, count);
        var target = input[..count];
        var loss = MeanSquaredError(prediction, target);

        // ∂loss/∂prediction = 2 (prediction − target) / count.
        var delta = work.Deltas[last].AsSpan(0, count);
        TensorPrimitives.Subtract(prediction, target, delta);
        TensorPrimitives.Multiply(delta, 2.0 / count, delta);
        gradient.Clear();
        for (var l = last; l >= 0; l--)
        {
            var inputs = Inputs[l];
            var units = Units[l];
            var dz = work.Deltas[l].AsSpan(0, rows * units);
            MultiplyByDerivative(Activations[l], work.Outputs[l].AsSpan(0, rows * units), dz);
            var layerInput = l == 0 ? input : work.Outputs[l - 1];
            var gw = gradient.Slice(WeightOffset[l], inputs * units);
            var gb = gradient.Slice(BiasOffset[l], units);
            for (var b = 0; b < rows; b++)
            {
                var dzb = dz.Slice(b * units, units);
                var x = layerInput.Slice(b * inputs, inputs);
                for (var i = 0; i < inputs; i++)
                {
                    MultiplyAdd(dzb, x[i], gw.Slice(i * units, units));
                }

                Accumulate(dzb, gb);
            }

            if (l > 0)
            {
                // ∂loss/∂input[b,:] = Σ_o dz[b,o] · W[:,o] (rows of the transposed kernel).
                var wt = transposed.Slice(WeightOffset[l], inputs * units);
                var dx = work.Deltas[l - 1].AsSpan(0, rows * inputs);
                dx.Clear();
                for (var b = 0; b < rows; b++)
                {
                    var dxb = dx.Slice(b * inputs, inputs);
                    var dzb = dz.Slice(b * units, units);
                    for (var o = 0; o < units; o++)
                    {
                        MultiplyAdd(wt.Slice(o * inputs, inputs), dzb[o], dxb);
                    }
                }
            }
        }

        return loss;
    }

    /// <summary>accumulator[i] = fma(x[i], y, accumulator[i]) for every i (one rounding: bit-identical on both paths).</summary>
    internal static void MultiplyAdd(ReadOnlySpan<double> x, double y, Span<double> accumulator)
    {
        if (x.Length < ScalarBelow)
        {
            for (var i = 0; i < x.Length; i++)
            {
                accumulator[i] = Math.FusedMultiplyAdd(x[i], y, accumulator[i]);
            }
        }
        else
        {
            TensorPrimitives.FusedMultiplyAdd(x, y, accumulator, accumulator);
        }
    }

    /// <summary>accumulator[i] += x[i] for every i (bit-identical on both paths).</summary>
    internal static void Accumulate(ReadOnlySpan<double> x, Span<double> accumulator)
    {
        if (x.Length < ScalarBelow)
        {
            for (var i = 0; i < x.Length; i++)
            {
                accumulator[i] += x[i];
            }
        }
        else
        {
            TensorPrimitives.Add(accumulator, x, accumulator);
        }
    }

    /// <summary>Writes each kernel transposed (units × inputs) at its own offset of <paramref name="transposed"/>.</summary>
    public void Transpose(ReadOnlySpan<double> parameters, Span<double> transposed)
    {
        for (var l = 0; l < LayerCount; l++)
        {
            var inputs = Inputs[l];
            var units = Units[l];
            var w = parameters.Slice(WeightOffset[l], inputs * units);
            var wt = transposed.Slice(WeightOffset[l], inputs * units);
            for (var i = 0; i < inputs; i++)
            {
                for (var o = 0; o < units; o++)
                {
                    wt[(o * inputs) + i] = w[(i * units) + o];
                }
            }
        }
    }

    /// <summary>
    /// Runs layers <paramref name="firstLayer"/>..<paramref name="lastLayer"/> over every row of <paramref name="input"/>
    /// (row-major, <c>Inputs[firstLayer]</c> wide), in blocks, writing the last layer's outputs to <paramref name="output"/>.
    /// </summary>
    public void Run(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, int rows, int firstLayer, int lastLayer, Span<double> output)
    {
        const int block = 256;
        var a = new double[block * MaxWidth];
        var c = new double[block * MaxWidth];
        var inWidth = Inputs[firstLayer];
        var outWidth = Units[lastLayer];
        for (var start = 0; start < rows; start += block)
        {
            var n = Math.Min(block, rows - start);
            ReadOnlySpan<double> current = input.Slice(start * inWidth, n * inWidth);
            var target = a;
            for (var l = firstLayer; l <= lastLayer; l++)
            {
                ForwardLayer(l, parameters, current, n, target);
                current = target;
                target = ReferenceEquals(target, a) ? c : a;
            }

            current[..(n * outWidth)].CopyTo(output.Slice(start * outWidth, n * outWidth));
        }
    }

    /// <summary>Per-layer output and gradient buffers for batches of up to <c>maxRows</c> rows, allocated once.</summary>
    internal sealed class Workspace
    {
        public Workspace(DenseNetwork network, int maxRows)
        {
            Outputs = new double[network.LayerCount][];
            Deltas = new double[network.LayerCount][];
            for (var l = 0; l < network.LayerCount; l++)
            {
                Outputs[l] = new double[maxRows * network.Units[l]];
                Deltas[l] = new double[maxRows * network.Units[l]];
            }
        }

        public double[][] Outputs { get; }

        public double[][] Deltas { get; }
    }
}
