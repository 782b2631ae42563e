using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Tests.Autoencoder;

/// <summary>
/// One training step of the autoencoder, exactly: a 2 → 1 (ReLU) → 2 (linear) network with hand-set weights, its loss
/// and gradient worked out by hand, one Adam update in closed form, and <see cref="DenseAutoencoder.Fit"/> shown to
/// take exactly that step (one epoch, one full batch, no shuffling).
/// </summary>
public sealed class TrainingStepTests
{
    // Layer 1: kernel W₁ = [0.5, −0.25]ᵀ (2 × 1), bias b₁ = 0.1. Layer 2: kernel W₂ = [2, −1] (1 × 2), bias b₂ = [0.3, 0.4].
    private static readonly double[] _weights = [0.5, -0.25, 0.1, 2.0, -1.0, 0.3, 0.4];

    // Two rows: x₁ = (1, 2), x₂ = (−4, 1).
    private static readonly double[] _batch = [1.0, 2.0, -4.0, 1.0];

    [Fact]
    public void Loss_and_gradient_of_a_hand_set_network_are_the_hand_computed_ones()
    {
        var network = new DenseNetwork(2, [new(1, Activation.ReLU), new(2, Activation.Linear)]);
        Assert.Equal(7, network.ParameterCount);
        var gradient = new double[7];
        var loss = LossAndGradient(network, _weights, gradient);

        // Forward: h₁ = relu(0.5·1 − 0.25·2 + 0.1) = 0.1, h₂ = relu(0.5·(−4) − 0.25·1 + 0.1) = relu(−2.15) = 0.
        // y₁ = (0.1·2 + 0.3, 0.1·(−1) + 0.4) = (0.5, 0.3); y₂ = b₂ = (0.3, 0.4).
        // MSE over 4 values: ((0.5 − 1)² + (0.3 − 2)² + (0.3 + 4)² + (0.4 − 1)²) / 4 = (0.25 + 2.89 + 18.49 + 0.36) / 4.
        Assert.Equal(5.4975, loss, 1e-14);

        // ∂L/∂y = 2(y − x)/4: row 1 (−0.25, −0.85), row 2 (2.15, −0.3).
        // ∂L/∂b₂ = (−0.25 + 2.15, −0.85 − 0.3) = (1.9, −1.15); ∂L/∂W₂ = h₁·(−0.25, −0.85) + h₂·(…) = (−0.025, −0.085).
        // ∂L/∂h₁ = 2·(−0.25) + (−1)·(−0.85) = 0.35 (ReLU on: passes); row 2's ReLU is off: 0.
        // ∂L/∂W₁ = x₁·0.35 = (0.35, 0.7); ∂L/∂b₁ = 0.35.
        double[] expected = [0.35, 0.7, 0.35, -0.025, -0.085, 1.9, -1.15];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - gradient[i]) <= 1e-14, $"∂L/∂θ[{i}] = {gradient[i]:R}, by hand {expected[i]:R}");
        }
    }

    [Fact]
    public void One_Adam_step_is_the_closed_form_first_update()
    {
        // Step 1 (Keras): α = lr·√(1 − β₂)/(1 − β₁), m = (1 − β₁)g, v = (1 − β₂)g², θ −= α·m/(√v + ε),
        // which simplifies to θ −= lr·g / (|g| + ε/√(1 − β₂)): lr·sign(g) up to ε.
        const double lr = 0.1, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
        double[] gradient = [0.35, 0.7, 0.35, -0.025, -0.085, 1.9, -1.15];
        var parameters = (double[])_weights.Clone();
        new AdamOptimizer(7, lr, beta1, beta2, epsilon).Step(parameters, gradient);

        for (var i = 0; i < parameters.Length; i++)
        {
            var step = lr * gradient[i] / (Math.Abs(gradient[i]) + (epsilon / Math.Sqrt(1 - beta2)));
            Assert.True(Math.Abs(_weights[i] - step - parameters[i]) <= 1e-14, $"θ[{i}] = {parameters[i]:R}, closed form {_weights[i] - step:R}");
        }

        // By hand: every parameter moves by lr = 0.1 against its gradient's sign; ε takes at most 1.3e-5 off that move
        // (for the smallest gradient, 0.025: 0.1·3.16e-6/0.025), so to 4 decimals:
        Assert.Equal([0.4, -0.35, 0.0, 2.1, -0.9, 0.2, 0.5], parameters.Select(p => Math.Round(p, 4)));
    }

    [Fact]
    public void Fit_for_one_full_batch_epoch_takes_exactly_that_step_from_the_seeded_start()
    {
        var options = new AutoencoderOptions
        {
            Encoder = [new(1, Activation.ReLU)],
            Decoder = [],
            Epochs = 1,
            BatchSize = 2,
            Shuffle = false,
            LearningRate = 0.1,
            Seed = 4,
        };
        var model = new DenseAutoencoder(options).Fit(new FeatureMatrix(_batch, 2, ["a", "b"]));

        // The same start (Glorot uniform from Random(Seed), zero biases), one loss-and-gradient, one Adam step.
        var network = new DenseNetwork(2, [new(1, Activation.ReLU), new(2, Activation.Linear)]);
        var parameters = new double[7];
        network.InitialiseGlorotUniform(parameters, new Random(4));
        Assert.Equal([0.0, 0.0, 0.0], new[] { parameters[2], parameters[5], parameters[6] });
        var gradient = new double[7];
        var loss = LossAndGradient(network, parameters, gradient);
        new AdamOptimizer(7, options.LearningRate, options.Beta1, options.Beta2, options.Epsilon).Step(parameters, gradient);

        Assert.Equal(1, model.History.Steps);
        Assert.Equal(BitConverter.DoubleToInt64Bits(loss), BitConverter.DoubleToInt64Bits(Assert.Single(model.History.Loss)));
        Assert.Equal(DenseAutoencoderTests.Bits(parameters), DenseAutoencoderTests.Bits(model.Parameters));
    }

    private static double LossAndGradient(DenseNetwork network, double[] parameters, double[] gradient)
    {
        var transposed = new double[network.ParameterCount];
        network.Transpose(parameters, transposed);
        return network.LossAndGradient(parameters, transposed, _batch, 2, new DenseNetwork.Workspace(network, 2), gradient);
    }
}
