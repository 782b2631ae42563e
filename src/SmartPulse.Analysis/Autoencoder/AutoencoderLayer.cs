namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// One trained dense layer of an <see cref="AutoencoderModel"/>, for inspection: a = f(x·Kernel + Bias).
/// </summary>
/// <param name="Index">Position in the network, 0 = first encoder layer.</param>
/// <param name="IsEncoder">True for encoder layers (the last of which outputs the codes), false for decoder layers.</param>
/// <param name="Inputs">Input width.</param>
/// <param name="Units">Output width.</param>
/// <param name="Activation">Activation f.</param>
/// <param name="Kernel">Weights, row-major Inputs × Units (Keras's kernel layout): Kernel[i·Units + o] links input i to output o.</param>
/// <param name="Bias">One bias per output.</param>
public sealed record AutoencoderLayer(
    int Index,
    bool IsEncoder,
    int Inputs,
    int Units,
    Activation Activation,
    IReadOnlyList<double> Kernel,
    IReadOnlyList<double> Bias);
