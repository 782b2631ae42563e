using System.Numerics.Tensors;
using SmartPulse.Analysis.Autoencoder;

namespace SmartPulse.Analysis.Tests.Autoencoder;

public sealed class KernelTests
{
    [Fact]
    public void Scalar_and_TensorPrimitives_paths_give_the_same_bits_at_every_length()
    {
        var random = new Random(9);
        for (var n = 1; n <= 70; n++)
        {
            var x = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 1e3).ToArray();
            var acc = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var y = random.NextDouble() * 3;

            var viaHelper = (double[])acc.Clone();
            DenseNetwork.MultiplyAdd(x, y, viaHelper);
            var viaTensor = (double[])acc.Clone();
            TensorPrimitives.FusedMultiplyAdd(x, y, viaTensor, viaTensor);
            var viaScalar = acc.Select((a, i) => Math.FusedMultiplyAdd(x[i], y, a)).ToArray();
            Assert.Equal(DenseAutoencoderTests.Bits(viaScalar), DenseAutoencoderTests.Bits(viaHelper));
            Assert.Equal(DenseAutoencoderTests.Bits(viaScalar), DenseAutoencoderTests.Bits(viaTensor));

            var summed = (double[])acc.Clone();
            DenseNetwork.Accumulate(x, summed);
            Assert.Equal(DenseAutoencoderTests.Bits(acc.Select((a, i) => a + x[i]).ToArray()), DenseAutoencoderTests.Bits(summed));
        }
    }

    [Fact]
    public void Activations_compute_their_formulas()
    {
        double[] z = [-2.0, -0.0, 0.0, 0.5, 3.0];
        double[] Apply(Activation a)
        {
            var v = (double[])z.Clone();
            DenseNetwork.Activate(a, v);
            return v;
        }

        Assert.Equal(z, Apply(Activation.Linear));
        Assert.Equal([0.0, 0.0, 0.0, 0.5, 3.0], Apply(Activation.ReLU));
        Assert.Equal(z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), Apply(Activation.Sigmoid));
        Assert.Equal(z.Select(Math.Tanh).ToArray(), Apply(Activation.Tanh));

        // ReLU's derivative at 0 is 0 (TensorFlow's convention).
        var gradient = new double[] { 1, 1, 1, 1, 1 };
        DenseNetwork.MultiplyByDerivative(Activation.ReLU, Apply(Activation.ReLU), gradient);
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 1.0], gradient);
    }
}
