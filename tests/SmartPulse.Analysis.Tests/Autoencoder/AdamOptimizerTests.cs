using SmartPulse.Analysis.Autoencoder;

namespace SmartPulse.Analysis.Tests.Autoencoder;

public sealed class AdamOptimizerTests
{
    [Fact]
    public void Two_steps_match_the_Keras_update_rule_computed_by_hand()
    {
        // Keras 3 adam.py: α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); θ −= α·m/(√v + ε).
        const double lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        var adam = new AdamOptimizer(3, lr, b1, b2, eps);
        double[] theta = [1.0, -2.0, 0.5];
        double[] g1 = [0.5, -3.0, 0.0];
        double[] g2 = [0.25, 1.0, 2.0];
        adam.Step(theta, g1);
        adam.Step(theta, g2);

        for (var i = 0; i < 3; i++)
        {
            double p = (new[] { 1.0, -2.0, 0.5 })[i], m = 0, v = 0;
            foreach (var (g, t) in new[] { (g1[i], 1), (g2[i], 2) })
            {
                var alpha = lr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
                m += (g - m) * (1 - b1);
                v += ((g * g) - v) * (1 - b2);
                p -= m * alpha / (Math.Sqrt(v) + eps);
            }

            Assert.Equal(p, theta[i], 1e-15);
        }

        // One iteration counted per step (Keras .iterations).
        Assert.Equal(2, adam.Iterations);
    }
}
