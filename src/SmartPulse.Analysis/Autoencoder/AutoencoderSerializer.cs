using System.Globalization;
using System.Text.Json;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// JSON persistence of <see cref="AutoencoderModel"/> (format <c>smartpulse.autoencoder</c>, version 1). Doubles are
/// written by <see cref="Utf8JsonWriter"/> in shortest round-trip form and parsed back exactly, so weights survive
/// bit for bit.
/// </summary>
internal static class AutoencoderSerializer
{
    public const string Format = "smartpulse.autoencoder";
    public const int Version = 1;

    public static void Write(AutoencoderModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var o = model.Options;
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("version", Version);
        WriteStrings(w, "featureNames", model.FeatureNames);
        WriteStrings(w, "codeNames", model.CodeNames);
        w.WriteNumber("encoderLayers", model.EncoderLayerCount);

        w.WriteStartObject("options");
        WriteSpecs(w, "encoder", o.Encoder);
        WriteSpecs(w, "decoder", o.Decoder);
        w.WriteString("outputActivation", o.OutputActivation.ToString());
        w.WriteNumber("epochs", o.Epochs);
        w.WriteNumber("batchSize", o.BatchSize);
        w.WriteNumber("learningRate", o.LearningRate);
        w.WriteNumber("beta1", o.Beta1);
        w.WriteNumber("beta2", o.Beta2);
        w.WriteNumber("epsilon", o.Epsilon);
        w.WriteBoolean("shuffle", o.Shuffle);
        w.WriteNumber("validationSplit", o.ValidationSplit);
        if (o.EarlyStoppingPatience is { } patience)
        {
            w.WriteNumber("earlyStoppingPatience", patience);
        }
        else
        {
            w.WriteNull("earlyStoppingPatience");
        }

        w.WriteNumber("earlyStoppingMinDelta", o.EarlyStoppingMinDelta);
        w.WriteBoolean("restoreBestWeights", o.RestoreBestWeights);
        w.WriteNumber("seed", o.Seed);
        w.WriteEndObject();

        w.WriteStartArray("layers");
        foreach (var layer in model.Layers)
        {
            w.WriteStartObject();
            w.WriteNumber("inputs", layer.Inputs);
            w.WriteNumber("units", layer.Units);
            w.WriteString("activation", layer.Activation.ToString());
            WriteNumbers(w, "kernel", layer.Kernel);
            WriteNumbers(w, "bias", layer.Bias);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var h = model.History;
        w.WriteStartObject("history");
        WriteNumbers(w, "loss", h.Loss);
        WriteNumbers(w, "validationLoss", h.ValidationLoss);
        w.WriteNumber("trainingRows", h.TrainingRows);
        w.WriteNumber("validationRows", h.ValidationRows);
        w.WriteNumber("steps", h.Steps);
        w.WriteNumber("bestEpoch", h.BestEpoch);
        w.WriteBoolean("stoppedEarly", h.StoppedEarly);
        w.WriteBoolean("restoredBestWeights", h.RestoredBestWeights);
        w.WriteEndObject();

        WriteStrings(w, "warnings", model.Warnings);
        w.WriteEndObject();
        w.Flush();
    }

    public static AutoencoderModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not an autoencoder model: the content is not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"Invalid autoencoder model: {e.Message}", e);
            }
        }
    }

    private static AutoencoderModel Read(JsonElement root)
    {
        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != Format)
        {
            throw new InvalidDataException($"Not an autoencoder model: 'format' is {(format is null ? "missing" : $"'{format}'")}; expected '{Format}'.");
        }

        var version = root.GetProperty("version").GetInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"Autoencoder model version {version} is not supported; this SmartPulse reads version {Version}{(version > Version ? " (the file was written by a newer SmartPulse; upgrade)" : string.Empty)}.");
        }

        var featureNames = ReadStrings(root.GetProperty("featureNames"));
        var encoderLayers = root.GetProperty("encoderLayers").GetInt32();
        var opt = root.GetProperty("options");
        var options = new AutoencoderOptions
        {
            Encoder = ReadSpecs(opt.GetProperty("encoder")),
            Decoder = ReadSpecs(opt.GetProperty("decoder")),
            OutputActivation = ParseActivation(opt.GetProperty("outputActivation")),
            Epochs = opt.GetProperty("epochs").GetInt32(),
            BatchSize = opt.GetProperty("batchSize").GetInt32(),
            LearningRate = opt.GetProperty("learningRate").GetDouble(),
            Beta1 = opt.GetProperty("beta1").GetDouble(),
            Beta2 = opt.GetProperty("beta2").GetDouble(),
            Epsilon = opt.GetProperty("epsilon").GetDouble(),
            Shuffle = opt.GetProperty("shuffle").GetBoolean(),
            ValidationSplit = opt.GetProperty("validationSplit").GetDouble(),
            EarlyStoppingPatience = opt.GetProperty("earlyStoppingPatience") is { ValueKind: JsonValueKind.Number } p ? p.GetInt32() : null,
            EarlyStoppingMinDelta = opt.GetProperty("earlyStoppingMinDelta").GetDouble(),
            RestoreBestWeights = opt.GetProperty("restoreBestWeights").GetBoolean(),
            Seed = opt.GetProperty("seed").GetInt32(),
        };
        options.Validate();
        if (featureNames.Length == 0)
        {
            throw new InvalidDataException("Invalid autoencoder model: 'featureNames' is empty.");
        }

        if (encoderLayers != options.Encoder.Count)
        {
            throw new InvalidDataException($"Invalid autoencoder model: 'encoderLayers' is {encoderLayers} but options.encoder has {options.Encoder.Count} layers.");
        }

        var specs = options.Encoder.Concat(options.Decoder).Append(new DenseLayerSpec(featureNames.Length, options.OutputActivation)).ToArray();
        var network = new DenseNetwork(featureNames.Length, specs);
        var layers = root.GetProperty("layers");
        if (layers.GetArrayLength() != network.LayerCount)
        {
            throw new InvalidDataException($"Invalid autoencoder model: {layers.GetArrayLength()} layers stored but the options describe {network.LayerCount}.");
        }

        var parameters = new double[network.ParameterCount];
        var l = 0;
        foreach (var layer in layers.EnumerateArray())
        {
            var inputs = layer.GetProperty("inputs").GetInt32();
            var units = layer.GetProperty("units").GetInt32();
            var activation = ParseActivation(layer.GetProperty("activation"));
            if (inputs != network.Inputs[l] || units != network.Units[l] || activation != network.Activations[l])
            {
                throw new InvalidDataException(
                    $"Invalid autoencoder model: layer {l} is stored as {inputs}→{units} {activation} but the options describe {network.Inputs[l]}→{network.Units[l]} {network.Activations[l]}.");
            }

            ReadNumbers(layer.GetProperty("kernel"), parameters.AsSpan(network.WeightOffset[l], inputs * units), $"layers[{l}].kernel");
            ReadNumbers(layer.GetProperty("bias"), parameters.AsSpan(network.BiasOffset[l], units), $"layers[{l}].bias");
            l++;
        }

        var h = root.GetProperty("history");
        var history = new TrainingHistory
        {
            Loss = ReadDoubles(h.GetProperty("loss")),
            ValidationLoss = ReadDoubles(h.GetProperty("validationLoss")),
            TrainingRows = h.GetProperty("trainingRows").GetInt32(),
            ValidationRows = h.GetProperty("validationRows").GetInt32(),
            Steps = h.GetProperty("steps").GetInt64(),
            BestEpoch = h.GetProperty("bestEpoch").GetInt32(),
            StoppedEarly = h.GetProperty("stoppedEarly").GetBoolean(),
            RestoredBestWeights = h.GetProperty("restoredBestWeights").GetBoolean(),
        };
        var warnings = ReadStrings(root.GetProperty("warnings"));
        return new AutoencoderModel(options, featureNames, network, encoderLayers, parameters, history, warnings);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteSpecs(Utf8JsonWriter w, string name, IEnumerable<DenseLayerSpec> specs)
    {
        w.WriteStartArray(name);
        foreach (var s in specs)
        {
            w.WriteStartObject();
            w.WriteNumber("units", s.Units);
            w.WriteString("activation", s.Activation.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string[] ReadStrings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("Invalid autoencoder model: null in a list of names.")).ToArray();

    private static double[] ReadDoubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static DenseLayerSpec[] ReadSpecs(JsonElement array) =>
        array.EnumerateArray().Select(e => new DenseLayerSpec(e.GetProperty("units").GetInt32(), ParseActivation(e.GetProperty("activation")))).ToArray();

    private static Activation ParseActivation(JsonElement e)
    {
        var text = e.GetString();
        return Enum.TryParse<Activation>(text, ignoreCase: false, out var a) && Enum.IsDefined(a)
            ? a
            : throw new InvalidDataException($"Invalid autoencoder model: unknown activation '{text}'; known: {string.Join(", ", Enum.GetNames<Activation>())}.");
    }

    private static void ReadNumbers(JsonElement array, Span<double> destination, string what)
    {
        if (array.GetArrayLength() != destination.Length)
        {
            throw new InvalidDataException($"Invalid autoencoder model: {what} has {array.GetArrayLength()} values; expected {destination.Length}.");
        }

        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            var v = e.GetDouble();
            if (!double.IsFinite(v))
            {
                throw new InvalidDataException($"Invalid autoencoder model: {what}[{i}] is {v.ToString(CultureInfo.InvariantCulture)}; weights must be finite.");
            }

            destination[i++] = v;
        }
    }
}
