using System.Globalization;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// Options of <see cref="DenseAutoencoder"/>. The defaults are the seed analysis's Keras model and training call:
/// encoder <c>Dense(6, relu) → Dense(3, relu)</c> (the 3-unit layer is the code), decoder <c>Dense(6, relu) →
/// Dense(n_features, linear)</c>, MSE loss, <c>Adam()</c> with Keras defaults, <c>epochs=100, batch_size=8,
/// shuffle=True</c>, Glorot-uniform kernels and zero biases. Validated once by <see cref="Validate"/> (called by the
/// <see cref="DenseAutoencoder"/> constructor); errors name the option, its value and the valid range.
/// </summary>
/// <remarks>
/// The input is used as given: standardise it first (e.g. StandardScaler, ddof = 0), as the seed analysis does;
/// otherwise the column with the largest units dominates the MSE.
/// </remarks>
public sealed record AutoencoderOptions
{
    /// <summary>Encoder layers, input side first; the last one's outputs are the codes. Default <c>[6 ReLU, 3 ReLU]</c>.</summary>
    public IReadOnlyList<DenseLayerSpec> Encoder { get; init; } = [new(6, Activation.ReLU), new(3, Activation.ReLU)];

    /// <summary>
    /// Hidden layers of the decoder, code side first; default <c>[6 ReLU]</c>. The output layer is added after them
    /// automatically, because its width must equal the number of input columns (3 for Age / Income / Score); its
    /// activation is <see cref="OutputActivation"/>. May be empty (a single output layer after the codes).
    /// </summary>
    public IReadOnlyList<DenseLayerSpec> Decoder { get; init; } = [new(6, Activation.ReLU)];

    /// <summary>Activation of the output (reconstruction) layer; default <see cref="Activation.Linear"/> (right for standardised data).</summary>
    public Activation OutputActivation { get; init; } = Activation.Linear;

    /// <summary>Passes over the training rows; default 100. Range 1..100,000.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Rows per gradient step; default 8 (the seed's <c>batch_size</c>). The last batch of an epoch may be smaller. Range 1..65,536.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Adam learning rate; default 0.001 (Keras). Range (0, 10].</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Adam decay of the first-moment estimate; default 0.9 (Keras). Range [0, 1).</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam decay of the second-moment estimate; default 0.999 (Keras). Range [0, 1).</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's ε, added to √v (Keras's form, not √v̂); default 1e-7 (Keras). Range (0, 1].</summary>
    public double Epsilon { get; init; } = 1e-7;

    /// <summary>Reshuffle the training rows (seeded) before every epoch; default true (Keras <c>shuffle=True</c>).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// Fraction of rows held out for validation, taken from the <em>end</em> of the data before any shuffling, as
    /// Keras's <c>validation_split</c> does: the first ⌊n·(1 − split)⌋ rows train. Default 0 (no validation).
    /// Range [0, 1); both parts must keep at least one row. If the rows are ordered (Mall_Customers.csv is sorted by
    /// annual income), the held-out rows are not representative: shuffle the rows (seeded) before fitting.
    /// </summary>
    public double ValidationSplit { get; init; }

    /// <summary>
    /// Early stopping (Keras <c>EarlyStopping</c>): stop after this many consecutive epochs in which the monitored loss
    /// (validation loss when <see cref="ValidationSplit"/> &gt; 0, else the training loss) did not improve by more
    /// than <see cref="EarlyStoppingMinDelta"/>. Default null (off: always run <see cref="Epochs"/>). Range ≥ 1.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Smallest decrease of the monitored loss that counts as an improvement; default 0. Range [0, ∞).</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>
    /// With early stopping on, end with the weights of the best epoch (<see cref="TrainingHistory.BestEpoch"/>) instead
    /// of the last one (Keras <c>restore_best_weights</c>). Unlike Keras's <c>EarlyStopping</c>, which restores only
    /// when it stops training, this also applies when all <see cref="Epochs"/> ran. Default false, as in Keras. Ignored without
    /// <see cref="EarlyStoppingPatience"/>.
    /// </summary>
    public bool RestoreBestWeights { get; init; }

    /// <summary>
    /// Seed of all randomness (Glorot-uniform initialisation, then the per-epoch shuffles), through
    /// <see cref="Random(int)"/>. Same data, options and seed → bit-identical weights, codes and history on the same
    /// machine. (Keras draws from a different generator, so its weights for "the same" seed differ.)
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        CheckLayers(Encoder, nameof(Encoder), allowEmpty: false);
        CheckLayers(Decoder, nameof(Decoder), allowEmpty: true);
        Check(Enum.IsDefined(OutputActivation), nameof(OutputActivation), OutputActivation, string.Join(", ", Enum.GetNames<Activation>()));
        Check(Epochs is >= 1 and <= 100_000, nameof(Epochs), Epochs, "1 to 100,000");
        Check(BatchSize is >= 1 and <= 65_536, nameof(BatchSize), BatchSize, "1 to 65,536");
        Check(double.IsFinite(LearningRate) && LearningRate > 0 && LearningRate <= 10, nameof(LearningRate), LearningRate, "greater than 0, at most 10");
        Check(double.IsFinite(Beta1) && Beta1 is >= 0 and < 1, nameof(Beta1), Beta1, "0 ≤ Beta1 < 1");
        Check(double.IsFinite(Beta2) && Beta2 is >= 0 and < 1, nameof(Beta2), Beta2, "0 ≤ Beta2 < 1");
        Check(double.IsFinite(Epsilon) && Epsilon > 0 && Epsilon <= 1, nameof(Epsilon), Epsilon, "greater than 0, at most 1");
        Check(double.IsFinite(ValidationSplit) && ValidationSplit is >= 0 and < 1, nameof(ValidationSplit), ValidationSplit, "0 ≤ ValidationSplit < 1");
        Check(EarlyStoppingPatience is null or >= 1, nameof(EarlyStoppingPatience), EarlyStoppingPatience?.ToString(CultureInfo.InvariantCulture) ?? "null", "null (off) or at least 1");
        Check(double.IsFinite(EarlyStoppingMinDelta) && EarlyStoppingMinDelta >= 0, nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta, "a finite number ≥ 0");
    }

    private static void CheckLayers(IReadOnlyList<DenseLayerSpec>? layers, string name, bool allowEmpty)
    {
        if (layers is null)
        {
            throw new ArgumentNullException(name, $"AutoencoderOptions.{name} is null; pass a list of layers{(allowEmpty ? " (it may be empty)" : string.Empty)}.");
        }

        if (!allowEmpty && layers.Count == 0)
        {
            throw new ArgumentException($"AutoencoderOptions.{name} is empty; the encoder needs at least one layer (its last layer's units are the code size).", name);
        }

        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i] ?? throw new ArgumentException($"AutoencoderOptions.{name}[{i}] is null.", name);
            Check(layer.Units is >= 1 and <= 4096, $"{name}[{i}].Units", layer.Units, "1 to 4096");
            Check(Enum.IsDefined(layer.Activation), $"{name}[{i}].Activation", layer.Activation, string.Join(", ", Enum.GetNames<Activation>()));
        }
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            var shown = value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value;
            throw new ArgumentOutOfRangeException(name, value, $"AutoencoderOptions.{name} is {shown}; valid: {range}.");
        }
    }
}
