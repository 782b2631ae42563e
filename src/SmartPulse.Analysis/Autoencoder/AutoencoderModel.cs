using System.IO.Compression;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// A trained dense autoencoder (immutable): maps rows to codes (<see cref="Encode"/>), codes back to rows
/// (<see cref="Decode"/>), and measures how well each row is reconstructed (<see cref="ReconstructionErrors"/>).
/// Produced by <see cref="DenseAutoencoder.Fit"/> or <see cref="Load"/>; a loaded model computes bit-identical codes.
/// Each row is computed independently of the others (encoding one row or the whole matrix gives the same bits), and
/// every method allocates its own buffers, so one model can be used from several threads at once.
/// </summary>
public sealed class AutoencoderModel
{
    /// <summary>Zip entry name used by <see cref="SaveToZip"/> and <see cref="LoadFromZip"/> when none is given.</summary>
    public const string DefaultEntryName = "autoencoder.json";

    private readonly DenseNetwork _network;
    private readonly double[] _parameters;
    private readonly int _encoderLayers;

    internal AutoencoderModel(
        AutoencoderOptions options,
        IReadOnlyList<string> featureNames,
        DenseNetwork network,
        int encoderLayers,
        double[] parameters,
        TrainingHistory history,
        IReadOnlyList<string> warnings)
    {
        Options = options;
        FeatureNames = featureNames;
        _network = network;
        _encoderLayers = encoderLayers;
        _parameters = parameters;
        History = history;
        Warnings = warnings.ToArray();
        CodeSize = network.Units[encoderLayers - 1];
        CodeNames = Enumerable.Range(0, CodeSize).Select(CodeName).ToArray();
        var layers = new AutoencoderLayer[network.LayerCount];
        for (var l = 0; l < layers.Length; l++)
        {
            layers[l] = new AutoencoderLayer(
                l,
                l < encoderLayers,
                network.Inputs[l],
                network.Units[l],
                network.Activations[l],
                Array.AsReadOnly(parameters.AsSpan(network.WeightOffset[l], network.Inputs[l] * network.Units[l]).ToArray()),
                Array.AsReadOnly(parameters.AsSpan(network.BiasOffset[l], network.Units[l]).ToArray()));
        }

        Layers = layers;
    }

    /// <summary>The options the model was trained with (architecture, optimiser, seed).</summary>
    public AutoencoderOptions Options { get; }

    /// <summary>Input feature names, in column order; <see cref="Encode"/> requires the same.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of code dimensions (units of the last encoder layer); 3 for the seed model.</summary>
    public int CodeSize { get; }

    /// <summary>Column names of <see cref="Encode"/>'s result: <c>code_1</c> … <c>code_{CodeSize}</c>.</summary>
    public IReadOnlyList<string> CodeNames { get; }

    /// <summary>All layers, encoder first, with their trained weights.</summary>
    public IReadOnlyList<AutoencoderLayer> Layers { get; }

    /// <summary>Number of trainable parameters (kernels and biases); 90 for the seed model on 3 features.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>Loss per epoch (and validation loss), best epoch, early stopping: chart <c>History.Loss</c>.</summary>
    public TrainingHistory History { get; }

    /// <summary>Recoverable oddities: early stopping, code units constant over the training rows (dead ReLU).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>All parameters, layer by layer (kernel then bias): a copy, for tests and diagnostics.</summary>
    internal double[] Parameters => (double[])_parameters.Clone();

    /// <summary>The network shape (internal, for tests).</summary>
    internal DenseNetwork Network => _network;

    /// <summary>Number of encoder layers (internal, for persistence).</summary>
    internal int EncoderLayerCount => _encoderLayers;

    /// <summary>Name of code column <paramref name="index"/> (0-based): <c>code_{index + 1}</c>.</summary>
    /// <param name="index">0-based code unit.</param>
    public static string CodeName(int index) => $"code_{index + 1}";

    /// <summary>The codes (bottleneck activations) of every row: rows × <see cref="CodeSize"/>, columns <see cref="CodeNames"/>.</summary>
    /// <param name="data">Rows with the training features, in the same order and scaled the same way.</param>
    /// <exception cref="ArgumentException">The feature names differ from <see cref="FeatureNames"/>.</exception>
    public FeatureMatrix Encode(FeatureMatrix data)
    {
        CheckFeatures(data);
        var codes = new double[data.Rows * CodeSize];
        _network.Run(_parameters, data.Values, data.Rows, 0, _encoderLayers - 1, codes);
        return new FeatureMatrix(codes, data.Rows, CodeNames);
    }

    /// <summary>Maps codes back to feature space (the decoder): rows × features, columns <see cref="FeatureNames"/>.</summary>
    /// <param name="codes">Rows of <see cref="CodeSize"/> values (column names are not checked, only the count).</param>
    /// <exception cref="ArgumentException">The column count is not <see cref="CodeSize"/>.</exception>
    public FeatureMatrix Decode(FeatureMatrix codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Columns != CodeSize)
        {
            throw new ArgumentException($"The codes have {codes.Columns} columns; this model's decoder takes {CodeSize} ({string.Join(", ", CodeNames)}).", nameof(codes));
        }

        var output = new double[codes.Rows * FeatureNames.Count];
        _network.Run(_parameters, codes.Values, codes.Rows, _encoderLayers, _network.LayerCount - 1, output);
        return new FeatureMatrix(output, codes.Rows, FeatureNames);
    }

    /// <summary>Encodes then decodes every row: the model's reconstruction x̂ of <paramref name="data"/>.</summary>
    /// <param name="data">Rows with the training features.</param>
    public FeatureMatrix Reconstruct(FeatureMatrix data)
    {
        CheckFeatures(data);
        var output = new double[data.Values.Length];
        _network.Run(_parameters, data.Values, data.Rows, 0, _network.LayerCount - 1, output);
        return new FeatureMatrix(output, data.Rows, FeatureNames);
    }

    /// <summary>
    /// Reconstruction error of each row, e_i = Σ_j (x̂_ij − x_ij)² / d (the per-row MSE the model was trained on), in
    /// the input's (standardised) units squared. Large values flag customers unlike the rest: sort descending, or
    /// compare with a high quantile of the training rows' errors.
    /// </summary>
    /// <param name="data">Rows with the training features.</param>
    public double[] ReconstructionErrors(FeatureMatrix data)
    {
        var reconstruction = Reconstruct(data).Values;
        var x = data.Values;
        var d = data.Columns;
        var errors = new double[data.Rows];
        for (var r = 0; r < errors.Length; r++)
        {
            errors[r] = DenseNetwork.MeanSquaredError(reconstruction.Slice(r * d, d), x.Slice(r * d, d));
        }

        return errors;
    }

    /// <summary>Mean of <see cref="ReconstructionErrors"/> over the rows: the MSE loss on <paramref name="data"/> (Keras's <c>evaluate</c>).</summary>
    /// <param name="data">Rows with the training features (at least one).</param>
    public double ReconstructionLoss(FeatureMatrix data)
    {
        var errors = ReconstructionErrors(data);
        if (errors.Length == 0)
        {
            throw new ArgumentException("The matrix has no rows; the loss of zero rows is undefined.", nameof(data));
        }

        var sum = 0.0;
        foreach (var e in errors)
        {
            sum += e;
        }

        return sum / errors.Length;
    }

    /// <summary>
    /// Writes the model as versioned JSON (format <c>smartpulse.autoencoder</c>, version 1, UTF-8): feature and code
    /// names, options, every layer's shape, activation, kernel and bias (doubles in shortest round-trip form, so they
    /// read back bit for bit), history and warnings. The stream is left open.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    public void Save(Stream stream) => AutoencoderSerializer.Write(this, stream);

    /// <summary>Reads a model written by <see cref="Save"/>; it encodes bit-identically to the saved one.</summary>
    /// <param name="stream">A readable stream positioned at the JSON.</param>
    /// <exception cref="InvalidDataException">Not an autoencoder file, an unknown version, or inconsistent shapes/values; the message says which.</exception>
    public static AutoencoderModel Load(Stream stream) => AutoencoderSerializer.Read(stream);

    /// <summary>
    /// Adds the model to <paramref name="archive"/> as entry <paramref name="entryName"/> (see <see cref="Save"/>), with
    /// a fixed timestamp (1980-01-01) so the zip's bytes depend only on the content. For the segmentation-model zip.
    /// </summary>
    /// <param name="archive">An archive opened in Create or Update mode.</param>
    /// <param name="entryName">Entry name; default <see cref="DefaultEntryName"/>. Replaced if present (Update mode).</param>
    public void SaveToZip(ZipArchive archive, string entryName = DefaultEntryName)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryName);
        if (archive.Mode == ZipArchiveMode.Update)
        {
            archive.GetEntry(entryName)?.Delete();
        }

        var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        Save(stream);
    }

    /// <summary>Reads the model from entry <paramref name="entryName"/> of <paramref name="archive"/>.</summary>
    /// <param name="archive">An archive opened in Read or Update mode.</param>
    /// <param name="entryName">Entry name; default <see cref="DefaultEntryName"/>.</param>
    /// <exception cref="InvalidDataException">The entry is missing (the message lists the entries) or invalid.</exception>
    public static AutoencoderModel LoadFromZip(ZipArchive archive, string entryName = DefaultEntryName)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryName);
        var entry = archive.GetEntry(entryName)
            ?? throw new InvalidDataException($"The zip has no entry '{entryName}'; entries: {(archive.Entries.Count == 0 ? "(none)" : string.Join(", ", archive.Entries.Select(e => e.FullName)))}.");
        using var stream = entry.Open();
        return Load(stream);
    }

    private void CheckFeatures(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.ColumnNames.SequenceEqual(FeatureNames))
        {
            throw new ArgumentException(
                $"The model was trained on [{string.Join(", ", FeatureNames)}] but the data has [{string.Join(", ", data.ColumnNames)}]; pass the same features, in the same order, scaled the same way.",
                nameof(data));
        }
    }
}
