using SmartPulse.Analysis.Autoencoder;

namespace SmartPulse.Analysis.Tests.Autoencoder;

/// <summary>
/// Back-propagation against central finite differences, (L(θ + h) − L(θ − h)) / 2h with h = 1e-6, for every
/// parameter, every activation (as hidden layers and as the output layer) and the MSE loss. Criterion: relative
/// error |g − ĝ| / max(|g|, |ĝ|) ≤ 1e-4, or an absolute difference below 1e-9 (gradients that are 0, e.g. behind a
/// ReLU that is off for the whole batch, where a relative error is meaningless).
/// </summary>
public sealed class GradientCheckTests
{
    private const double H = 1e-6;

    public static TheoryData<Activation, Activation> Cases()
    {
        var data = new TheoryData<Activation, Activation>();
        foreach (var hidden in Enum.GetValues<Activation>())
        {
            data.Add(hidden, Activation.Linear);
        }

        foreach (var output in Enum.GetValues<Activation>().Where(a => a != Activation.Linear))
        {
            data.Add(Activation.Tanh, output);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backprop_matches_finite_differences_for_every_parameter(Activation hidden, Activation output)
    {
        var network = new DenseNetwork(4, [new(5, hidden), new(3, hidden), new(5, hidden), new(4, output)]);
        var checkedCount = CheckNetwork(network, rows: 6, seed: 11, input: output == Activation.Sigmoid ? Uniform01 : Normalish);
        Assert.Equal(network.ParameterCount, checkedCount);
    }

    [Fact]
    public void Mse_loss_gradient_matches_finite_differences()
    {
        // One linear layer: the gradient w.r.t. the bias is exactly ∂L/∂prediction summed over rows, so this isolates the loss.
        var network = new DenseNetwork(3, [new(3, Activation.Linear)]);
        Assert.Equal(network.ParameterCount, CheckNetwork(network, rows: 5, seed: 3, input: Normalish));

        // And the value itself: MSE of a known pair.
        Assert.Equal((1.0 + 4.0 + 0.0 + 9.0) / 4.0, DenseNetwork.MeanSquaredError([1, 2, 3, 4], [0, 0, 3, 1]));
    }

    [Fact]
    public void Seed_architecture_gradient_matches_finite_differences_on_Mall_rows()
    {
        var options = new AutoencoderOptions();
        var network = new DenseNetwork(3, options.Encoder.Concat(options.Decoder).Append(new DenseLayerSpec(3, Activation.Linear)).ToArray());
        var mall = MallStandardised.Matrix;
        var input = mall.Values[..(8 * 3)].ToArray();
        var parameters = new double[network.ParameterCount];
        network.InitialiseGlorotUniform(parameters, new Random(5));
        var random = new Random(6);
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] += 0.1 * ((2 * random.NextDouble()) - 1);
        }

        Assert.Equal(network.ParameterCount, Check(network, parameters, input, 8));
    }

    private static double Normalish(Random r) => (r.NextDouble() + r.NextDouble() + r.NextDouble() - 1.5) * 2;

    private static double Uniform01(Random r) => 0.05 + (0.9 * r.NextDouble());

    private static int CheckNetwork(DenseNetwork network, int rows, int seed, Func<Random, double> input)
    {
        var random = new Random(seed);
        var parameters = new double[network.ParameterCount];
        network.InitialiseGlorotUniform(parameters, random);
        for (var l = 0; l < network.LayerCount; l++)
        {
            // Non-zero biases so every path is exercised.
            for (var o = 0; o < network.Units[l]; o++)
            {
                parameters[network.BiasOffset[l] + o] = 0.2 * ((2 * random.NextDouble()) - 1);
            }
        }

        var x = new double[rows * network.InputWidth];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = input(random);
        }

        return Check(network, parameters, x, rows);
    }

    private static int Check(DenseNetwork network, double[] parameters, double[] x, int rows)
    {
        var work = new DenseNetwork.Workspace(network, rows);
        var transposed = new double[parameters.Length];
        var analytic = new double[parameters.Length];
        var scratch = new double[parameters.Length];
        network.Transpose(parameters, transposed);
        network.LossAndGradient(parameters, transposed, x, rows, work, analytic);

        double Loss(double[] p)
        {
            network.Transpose(p, transposed);
            return network.LossAndGradient(p, transposed, x, rows, work, scratch);
        }

        var nonZero = 0;
        var checkedCount = 0;
        for (var k = 0; k < parameters.Length; k++)
        {
            var saved = parameters[k];
            parameters[k] = saved + H;
            var plus = Loss(parameters);
            parameters[k] = saved - H;
            var minus = Loss(parameters);
            parameters[k] = saved;
            var numeric = (plus - minus) / (2 * H);
            var a = analytic[k];
            var diff = Math.Abs(a - numeric);
            var scale = Math.Max(Math.Abs(a), Math.Abs(numeric));
            Assert.True(
                diff < 1e-9 || diff / scale <= 1e-4,
                $"parameter {k}: analytic {a:R}, numeric {numeric:R}, relative error {diff / scale:E3}");
            if (a != 0)
            {
                nonZero++;
            }

            checkedCount++;
        }

        // Most gradients must be genuinely non-zero, or the check proves little.
        Assert.True(nonZero >= parameters.Length / 2, $"only {nonZero} of {parameters.Length} gradients are non-zero");
        return checkedCount;
    }
}
