using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// A dense (fully connected) autoencoder trained to reconstruct its input under mean squared error, whose
/// bottleneck layer gives low-dimensional codes for clustering (the seed analysis's "deep-learning path":
/// standardised Age / Income / Score → 3-d codes → k-means). Defaults reproduce the seed's Keras model; see
/// <see cref="AutoencoderOptions"/>.
/// Usage: <c>var model = new DenseAutoencoder(new AutoencoderOptions { Seed = 42 }).Fit(standardised);</c>
/// then <c>model.Encode(standardised)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Training: Glorot-uniform kernels and zero biases from <see cref="AutoencoderOptions.Seed"/>; each epoch reshuffles
/// the training rows (Fisher–Yates, same generator), cuts them into mini-batches of
/// <see cref="AutoencoderOptions.BatchSize"/>, and takes one Adam step per batch on the batch's MSE,
/// L = Σ_b Σ_j (x̂_bj − x_bj)² / (B·d), with gradients by back-propagation. Single-threaded, all buffers allocated
/// before the first epoch (no allocation per batch), doubles throughout.
/// </para>
/// <para>
/// Why not a deep-learning runtime (TensorFlow.NET, TorchSharp, ONNX Runtime training): the seed model is a
/// four-layer MLP with 90 parameters. A native runtime would add roughly 1 GB of per-platform binaries, float32
/// arithmetic, nondeterministic kernels and thread pools, for a network that is a few hundred multiply-adds per row.
/// Written directly on System.Numerics.Tensors' <c>TensorPrimitives</c> (SIMD kernels in a small managed package that
/// the evaluation code already uses), the whole forward/backward pass is a few dozen lines that can be
/// gradient-checked, runs in double precision, is bit-reproducible from a seed, and trains the Mall model in tens of
/// milliseconds (benchmarks/SmartPulse.Benchmarks/Autoencoder). Row spans narrower than 16 doubles use a scalar
/// fused multiply-add loop instead, which is faster at the seed's widths of 3 and 6 and gives identical bits.
/// </para>
/// <para>
/// Reproducibility: same data, options and seed → bit-identical weights, codes and history on the same machine
/// (the kernels are element-wise, so results do not depend on array alignment). Results are not expected to equal
/// Keras's numbers: Keras draws initial weights and shuffles from its own generators and works in float32.
/// </para>
/// </remarks>
public sealed class DenseAutoencoder
{
    /// <summary>Creates the estimator; the options are validated here.</summary>
    /// <param name="options">Options; null means all defaults (the seed analysis's model).</param>
    public DenseAutoencoder(AutoencoderOptions? options = null)
    {
        Options = options ?? new AutoencoderOptions();
        Options.Validate();
    }

    /// <summary>The validated options.</summary>
    public AutoencoderOptions Options { get; }

    /// <summary>Trains the autoencoder to reconstruct <paramref name="data"/>.</summary>
    /// <param name="data">Model features, already standardised (the autoencoder does not scale them).</param>
    /// <returns>The trained, immutable model with its <see cref="TrainingHistory"/>.</returns>
    /// <exception cref="ArgumentException">The matrix has no columns or too few rows for the validation split.</exception>
    /// <exception cref="InvalidOperationException">The loss became NaN or infinite (diverged); the message says what to change.</exception>
    public AutoencoderModel Fit(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var d = data.Columns;
        if (d == 0)
        {
            throw new ArgumentException("The feature matrix has no columns; select at least one numeric feature.", nameof(data));
        }

        var n = data.Rows;
        if (n == 0)
        {
            throw new ArgumentException("The feature matrix has no rows; an autoencoder needs at least one row to train on.", nameof(data));
        }

        var trainRows = o.ValidationSplit > 0 ? (int)Math.Floor(n * (1.0 - o.ValidationSplit)) : n;
        var validationRows = n - trainRows;
        if (trainRows < 1 || (o.ValidationSplit > 0 && validationRows < 1))
        {
            throw new ArgumentException(
                $"The data has {n} rows; with ValidationSplit {o.ValidationSplit.ToString("R", CultureInfo.InvariantCulture)} that leaves {trainRows} training and {validationRows} validation rows, and each part needs at least one. Use more rows or another ValidationSplit.",
                nameof(data));
        }

        var warnings = new List<string>();
        var layers = o.Encoder.Concat(o.Decoder).Append(new DenseLayerSpec(d, o.OutputActivation)).ToArray();
        var network = new DenseNetwork(d, layers);
        var random = new Random(o.Seed);
        var parameters = new double[network.ParameterCount];
        network.InitialiseGlorotUniform(parameters, random);

        var batch = Math.Min(o.BatchSize, trainRows);
        var transposed = new double[network.ParameterCount];
        var gradient = new double[network.ParameterCount];
        var adam = new AdamOptimizer(network.ParameterCount, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon);
        var work = new DenseNetwork.Workspace(network, batch);
        var batchInput = new double[batch * d];
        var order = new int[trainRows];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var values = data.Values;
        var validation = validationRows > 0 ? values.Slice(trainRows * d, validationRows * d).ToArray() : [];
        var reconstruction = new double[validation.Length];
        var losses = new List<double>(o.Epochs);
        var validationLosses = new List<double>(validationRows > 0 ? o.Epochs : 0);
        var best = double.PositiveInfinity;
        var bestEpoch = 0;
        var wait = 0;
        var stoppedEarly = false;
        var restoring = o.EarlyStoppingPatience is not null && o.RestoreBestWeights;
        var bestParameters = restoring ? new double[parameters.Length] : null;

        for (var epoch = 1; epoch <= o.Epochs; epoch++)
        {
            if (o.Shuffle)
            {
                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            }

            var weighted = 0.0;
            for (var start = 0; start < trainRows; start += batch)
            {
                var m = Math.Min(batch, trainRows - start);
                for (var r = 0; r < m; r++)
                {
                    values.Slice(order[start + r] * d, d).CopyTo(batchInput.AsSpan(r * d, d));
                }

                network.Transpose(parameters, transposed);
                var loss = network.LossAndGradient(parameters, transposed, batchInput.AsSpan(0, m * d), m, work, gradient);
                weighted += loss * m;
                adam.Step(parameters, gradient);
            }

            var epochLoss = weighted / trainRows;
            if (!double.IsFinite(epochLoss))
            {
                throw new InvalidOperationException(
                    $"Training diverged at epoch {epoch}: the loss is {epochLoss.ToString(CultureInfo.InvariantCulture)}. Standardise the input and/or lower AutoencoderOptions.LearningRate (now {o.LearningRate.ToString("R", CultureInfo.InvariantCulture)}).");
            }

            losses.Add(epochLoss);
            var monitored = epochLoss;
            if (validationRows > 0)
            {
                network.Run(parameters, validation, validationRows, 0, network.LayerCount - 1, reconstruction);
                monitored = DenseNetwork.MeanSquaredError(reconstruction, validation);
                if (!double.IsFinite(monitored))
                {
                    throw new InvalidOperationException(
                        $"The validation loss is {monitored.ToString(CultureInfo.InvariantCulture)} at epoch {epoch} (training loss {epochLoss.ToString("R", CultureInfo.InvariantCulture)}): the held-out rows are far outside the training rows' range. Standardise all rows with the same scaler, or shuffle the rows before splitting.");
                }

                validationLosses.Add(monitored);
            }

            if (monitored < best - o.EarlyStoppingMinDelta)
            {
                best = monitored;
                bestEpoch = epoch;
                wait = 0;
                if (bestParameters is not null)
                {
                    parameters.CopyTo(bestParameters, 0);
                }
            }
            else
            {
                wait++;
                if (o.EarlyStoppingPatience is { } patience && wait >= patience && epoch < o.Epochs)
                {
                    stoppedEarly = true;
                    break;
                }
            }
        }

        var restored = false;
        if (bestParameters is not null && bestEpoch != losses.Count)
        {
            bestParameters.CopyTo(parameters, 0);
            restored = true;
        }

        if (stoppedEarly)
        {
            warnings.Add($"Early stopping ended training after epoch {losses.Count} of {o.Epochs}: no improvement of the {(validationRows > 0 ? "validation" : "training")} loss for {o.EarlyStoppingPatience} epochs (best: epoch {bestEpoch}{(restored ? ", whose weights were restored" : string.Empty)}).");
        }

        var history = new TrainingHistory
        {
            Loss = losses.ToArray(),
            ValidationLoss = validationLosses.ToArray(),
            TrainingRows = trainRows,
            ValidationRows = validationRows,
            Steps = adam.Iterations,
            BestEpoch = bestEpoch,
            StoppedEarly = stoppedEarly,
            RestoredBestWeights = restored,
        };

        warnings.AddRange(ConstantCodeWarnings(network, parameters, o.Encoder.Count, data));
        return new AutoencoderModel(o, data.ColumnNames.ToArray(), network, o.Encoder.Count, parameters, history, warnings);
    }

    /// <summary>Warns about code units that are the same for every row (typically a dead ReLU: always 0).</summary>
    internal static IEnumerable<string> ConstantCodeWarnings(DenseNetwork network, double[] parameters, int encoderLayers, FeatureMatrix data)
    {
        var width = network.Units[encoderLayers - 1];
        var codes = new double[data.Rows * width];
        network.Run(parameters, data.Values, data.Rows, 0, encoderLayers - 1, codes);
        for (var j = 0; j < width; j++)
        {
            var first = codes[j];
            var constant = true;
            for (var r = 1; r < data.Rows && constant; r++)
            {
                constant = codes[(r * width) + j] == first;
            }

            if (constant && data.Rows > 1)
            {
                yield return $"Code unit {AutoencoderModel.CodeName(j)} is {first.ToString("R", CultureInfo.InvariantCulture)} for every row{(first == 0 && network.Activations[encoderLayers - 1] == Activation.ReLU ? " (a dead ReLU unit)" : string.Empty)}: the codes carry only {width - 1} informative dimension(s) at most. Try another Seed, more epochs, or a Linear code activation.";
            }
        }
    }
}
