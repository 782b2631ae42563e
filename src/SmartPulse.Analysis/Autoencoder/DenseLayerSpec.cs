namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// One fully connected (Keras <c>Dense</c>) layer of an autoencoder: <c>a = f(x·W + b)</c> with
/// <paramref name="Units"/> outputs and activation <paramref name="Activation"/>.
/// </summary>
/// <param name="Units">Number of outputs (neurons), 1 to 4096.</param>
/// <param name="Activation">Element-wise activation applied to the layer's outputs.</param>
public sealed record DenseLayerSpec(int Units, Activation Activation);
