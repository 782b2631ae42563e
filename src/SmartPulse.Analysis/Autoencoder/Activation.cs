namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// Element-wise activation of a dense layer, a = f(z). Derivatives used in training are the exact ones
/// (ReLU's derivative at 0 is taken as 0, as in TensorFlow/Keras).
/// </summary>
public enum Activation
{
    /// <summary>Identity: a = z. The usual choice for the decoder's output layer on standardised data.</summary>
    Linear,

    /// <summary>Rectified linear unit: a = max(z, 0); da/dz = 1 when z &gt; 0, else 0.</summary>
    ReLU,

    /// <summary>Logistic sigmoid: a = 1 / (1 + e^(−z)), in (0, 1); da/dz = a(1 − a).</summary>
    Sigmoid,

    /// <summary>Hyperbolic tangent: a = tanh z, in (−1, 1); da/dz = 1 − a².</summary>
    Tanh,
}
