using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// A saved segmentation: the fitted preparation pipeline, an optional autoencoder applied to the
/// prepared features, the rule that assigns segments, and metadata. One zip with the entries
/// <c>metadata.json</c>, <c>pipeline.json</c>, <c>assigner.json</c> and optionally
/// <c>autoencoder.json</c>. <see cref="Score"/> labels new customers exactly as the fit did.
/// </summary>
public sealed class SegmentationModel
{
    /// <summary>The format name in <c>metadata.json</c>.</summary>
    public const string Format = "smartpulse.segmentation-model";

    /// <summary>The current format version.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions _json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates a model from its parts.</summary>
    public SegmentationModel(FittedPipeline pipeline, SegmentAssigner assigner, SegmentationMetadata metadata, AutoencoderModel? autoencoder = null)
    {
        Pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        Assigner = assigner ?? throw new ArgumentNullException(nameof(assigner));
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        Autoencoder = autoencoder;
    }

    /// <summary>
    /// Packages a KMeans fitted on <paramref name="pipeline"/>'s features — or, with an
    /// <paramref name="autoencoder"/>, on its codes of those features — as a saveable model.
    /// </summary>
    /// <param name="pipeline">The fitted preparation.</param>
    /// <param name="kmeans">The KMeans fitted in model space.</param>
    /// <param name="modelSpace">The matrix KMeans was fitted on (features, or codes).</param>
    /// <param name="autoencoder">The autoencoder applied to the prepared features, if any.</param>
    public static SegmentationModel FromKMeans(FittedPipeline pipeline, Clustering.KMeansModel kmeans, Features.FeatureMatrix modelSpace, AutoencoderModel? autoencoder = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(kmeans);
        var result = kmeans.ToResult(modelSpace);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["k"] = kmeans.K.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["restarts"] = kmeans.Options.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = kmeans.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["autoencoder"] = autoencoder is null ? "none" : string.Join("-", autoencoder.Layers.Select(l => l.Units)),
        };
        var metadata = SegmentationMetadata.Create(result, result.Score(modelSpace, seed: kmeans.Seed), parameters, pipeline.RequiredInputs, pipeline.FeatureNames);
        return new SegmentationModel(pipeline, new NearestCentroid(kmeans.Centroids), metadata, autoencoder);
    }

    /// <summary>The fitted preparation.</summary>
    public FittedPipeline Pipeline { get; }

    /// <summary>The segment rule in model space.</summary>
    public SegmentAssigner Assigner { get; }

    /// <summary>How the model was made.</summary>
    public SegmentationMetadata Metadata { get; }

    /// <summary>The autoencoder whose codes are clustered, if any.</summary>
    public AutoencoderModel? Autoencoder { get; }

    /// <summary>
    /// Fills missing values of the model's input features in <paramref name="frame"/> with the
    /// training medians (<see cref="SegmentationMetadata.TrainingMedians"/>), as <c>segment</c> filled
    /// them at fit time, so new customers with gaps can still be scored.
    /// </summary>
    /// <param name="frame">New customers.</param>
    /// <returns>The frame with the gaps filled (the same instance when nothing was missing) and the count filled per feature (only features with gaps).</returns>
    /// <exception cref="ArgumentException">Values are missing but the model predates recorded medians.</exception>
    public (DataFrame Frame, IReadOnlyDictionary<string, long> Filled) ImputeMissing(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var filled = new Dictionary<string, long>(StringComparer.Ordinal);
        var columns = frame.Columns.ToList();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (!Metadata.InputFeatures.Contains(column.Name, StringComparer.Ordinal) || column.NullCount == 0 || !Data.FrameColumns.IsNumeric(column))
            {
                continue;
            }

            if (Metadata.TrainingMedians?.TryGetValue(column.Name, out var median) != true)
            {
                throw new ArgumentException($"Column '{column.Name}' has {column.NullCount} missing value(s), and this model was saved without training medians to fill them (an older SmartPulse). Re-run 'smartpulse segment ... --model' to save a model that can, or fill the gaps in the file.", nameof(frame));
            }

            filled[column.Name] = column.NullCount;
            var values = new double?[column.Length];
            for (long r = 0; r < column.Length; r++)
            {
                values[r] = column[r] is null ? median : Convert.ToDouble(column[r], System.Globalization.CultureInfo.InvariantCulture);
            }

            columns[i] = new DoubleDataFrameColumn(column.Name, values);
        }

        return filled.Count == 0 ? (frame, filled) : (new DataFrame(columns), filled);
    }

    /// <summary>Prepares <paramref name="frame"/> and assigns each kept row a segment.</summary>
    /// <exception cref="ArgumentException">Columns the model needs are missing (the message lists them and what was found).</exception>
    public (PreparedData Prepared, int[] Segments) Score(DataFrame frame)
    {
        var (prepared, features) = ModelSpace(frame);
        return (prepared, Assigner.Assign(features));
    }

    /// <summary>
    /// Like <see cref="Score"/>, plus each kept row's Euclidean distance in model space to every segment centroid
    /// (row × segment); null for DBSCAN models, which assign by core points rather than centroids.
    /// </summary>
    /// <exception cref="ArgumentException">Columns the model needs are missing.</exception>
    public (PreparedData Prepared, int[] Segments, double[][]? Distances) ScoreWithDistances(DataFrame frame)
    {
        var (prepared, features) = ModelSpace(frame);
        var segments = Assigner.Assign(features);
        if (Assigner is not NearestCentroid nearest)
        {
            return (prepared, segments, null);
        }

        var points = nearest.Centroids.Select(p => p.ToArray()).ToArray();
        var distances = new double[features.Rows][];
        for (var i = 0; i < features.Rows; i++)
        {
            var row = features.Row(i);
            distances[i] = new double[points.Length];
            for (var c = 0; c < points.Length; c++)
            {
                distances[i][c] = Math.Sqrt(Features.DistanceKernel.Squared(row, points[c]));
            }
        }

        return (prepared, segments, distances);
    }

    /// <summary>
    /// The segment centroids in the units of the prepared features before scaling (segment × <see cref="FittedPipeline.FeatureNames"/>):
    /// scaled features go back through the fitted scaler, others are returned as they are. Null for DBSCAN (no centroids)
    /// and autoencoder models (code-space centroids have no input units).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? CentroidsInInputUnits() =>
        Assigner is NearestCentroid nearest && Autoencoder is null ? ToInputUnits(Pipeline, nearest.Centroids) : null;

    /// <summary>Maps model-space <paramref name="centroids"/> back through <paramref name="pipeline"/>'s scaler (unscaled features pass through).</summary>
    internal static IReadOnlyList<IReadOnlyList<double>> ToInputUnits(FittedPipeline pipeline, IReadOnlyList<IReadOnlyList<double>> centroids)
    {
        var scaler = pipeline.Steps.OfType<FittedScaler>().FirstOrDefault();
        var names = pipeline.FeatureNames;
        var scaled = scaler?.Columns.Select(c => c.Column).ToHashSet(StringComparer.Ordinal) ?? [];
        return centroids
            .Select(c => (IReadOnlyList<double>)names.Select((f, j) => scaled.Contains(f) ? scaler!.Inverse(f, c[j]) : c[j]).ToArray())
            .ToArray();
    }

    private (PreparedData Prepared, Features.FeatureMatrix Features) ModelSpace(DataFrame frame)
    {
        var prepared = Pipeline.Transform(frame);
        var features = prepared.Features();
        return (prepared, Autoencoder is null ? features : Autoencoder.Encode(features));
    }

    /// <summary>
    /// Writes this segmentation as an ML.NET model zip (preparation as ML.NET expression transforms, nearest centroid as
    /// ML.NET's k-means on exactly these centroids, then a map to these segment ids), to be read with
    /// <c>MLContext.Model.Load</c> and scored with a <c>PredictionEngine</c> whose input has one double column per name in
    /// <see cref="SegmentationMetadata.InputFeatures"/> (NaN = missing) and whose output is the Int32 column
    /// <c>Segment</c>. Supports select, numeric impute and scale steps with KMeans or Ward; see the remarks on float
    /// precision in the SmartPulse README.
    /// </summary>
    /// <exception cref="NotSupportedException">DBSCAN, an autoencoder, or a preparation step ML.NET cannot express; the message names it.</exception>
    public void SaveMlNet(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MlNetExport.Save(this, stream, seed: 0);
    }

    /// <summary>Writes the ML.NET model zip (see <see cref="SaveMlNet(Stream)"/>) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    public void SaveMlNet(string path, bool force = false) => AtomicFile.Write(path, SaveMlNet, force);

    /// <summary>
    /// Writes the zip to <paramref name="path"/> atomically with <see cref="AtomicFile"/>: temp file
    /// next to it, then rename; a symbolic link is written through; devices, FIFOs and folders are
    /// refused, and a read-only file unless <paramref name="force"/>.
    /// </summary>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    public void Save(string path, bool force = false) => AtomicFile.Write(path, Save, force);

    /// <summary>Writes the zip to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, "metadata.json", s => JsonSerializer.Serialize(s, Metadata, _json));
        Write(zip, "pipeline.json", Pipeline.Save);
        Write(zip, "assigner.json", s => JsonSerializer.Serialize(s, Assigner, _json));
        Autoencoder?.SaveToZip(zip);
    }

    /// <summary>Reads a model zip.</summary>
    /// <exception cref="InvalidDataException">Not a SmartPulse segmentation model (the message says what is wrong).</exception>
    public static SegmentationModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Path.GetFullPath(path)}: model file not found. Create one with 'smartpulse segment ... --model {path}'.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a model zip from a stream.</summary>
    /// <exception cref="InvalidDataException">Not a SmartPulse segmentation model.</exception>
    public static SegmentationModel Load(Stream stream)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"not a zip file ({ex.Message}).", ex);
        }

        using (zip)
        {
            var metadata = Read(zip, "metadata.json", s => JsonSerializer.Deserialize<SegmentationMetadata>(s, _json));
            if (metadata?.Format != Format)
            {
                throw new InvalidDataException($"not a SmartPulse segmentation model (format '{metadata?.Format}').");
            }

            if (metadata.Version > FormatVersion)
            {
                throw new InvalidDataException($"model format version {metadata.Version} is newer than this SmartPulse reads ({FormatVersion}).");
            }

            var pipeline = Read(zip, "pipeline.json", FittedPipeline.Load);
            var assigner = Read(zip, "assigner.json", s => JsonSerializer.Deserialize<SegmentAssigner>(s, _json))
                ?? throw new InvalidDataException("assigner.json is empty.");
            var autoencoder = zip.GetEntry(AutoencoderModel.DefaultEntryName) is null ? null : AutoencoderModel.LoadFromZip(zip);
            return new SegmentationModel(pipeline, assigner, metadata, autoencoder);
        }
    }

    private static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        // A fixed timestamp keeps the zip byte-stable across runs.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var s = entry.Open();
        write(s);
    }

    private static T Read<T>(ZipArchive zip, string name, Func<Stream, T> read)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the model zip has no '{name}' entry; entries: {string.Join(", ", zip.Entries.Select(e => e.FullName))}.");
        using var s = entry.Open();
        try
        {
            return read(s);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{name}' is not valid: {ex.Message}", ex);
        }
    }
}
