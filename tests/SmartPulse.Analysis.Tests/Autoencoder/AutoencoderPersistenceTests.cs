using System.IO.Compression;
using System.Text;
using SmartPulse.Analysis.Autoencoder;

namespace SmartPulse.Analysis.Tests.Autoencoder;

public sealed class AutoencoderPersistenceTests
{
    private static readonly Lazy<AutoencoderModel> _trained = new(() =>
        new DenseAutoencoder(new AutoencoderOptions { Seed = 2, ValidationSplit = 0.1, EarlyStoppingPatience = 30, RestoreBestWeights = true }).Fit(MallStandardised.Matrix));

    [Fact]
    public void Stream_round_trip_is_bit_identical()
    {
        var model = _trained.Value;
        using var stream = new MemoryStream();
        model.Save(stream);
        var json = stream.ToArray();
        stream.Position = 0;
        var loaded = AutoencoderModel.Load(stream);

        AssertSame(model, loaded);

        // Saving the loaded model reproduces the file byte for byte.
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(json, again.ToArray());
        Assert.StartsWith("{", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Contains("\"format\": \"smartpulse.autoencoder\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Extreme_doubles_survive_the_round_trip()
    {
        var model = _trained.Value;
        var parameters = model.Parameters;
        double[] awkward = [double.Epsilon, -double.Epsilon, double.MaxValue, -0.0, 0.1, 1.0 / 3.0, Math.PI * 1e-300, BitConverter.Int64BitsToDouble(0x3FF0000000000001)];
        awkward.CopyTo(parameters, 0);
        var odd = new AutoencoderModel(model.Options, model.FeatureNames, model.Network, model.EncoderLayerCount, parameters, model.History, model.Warnings);
        using var stream = new MemoryStream();
        odd.Save(stream);
        stream.Position = 0;
        var loaded = AutoencoderModel.Load(stream);
        Assert.Equal(DenseAutoencoderTests.Bits(parameters), DenseAutoencoderTests.Bits(loaded.Parameters));
    }

    [Fact]
    public void Zip_round_trip_both_ways_is_bit_identical_and_byte_stable()
    {
        var model = _trained.Value;
        byte[] Zip()
        {
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                // Another entry first, as the segmentation-model zip would have.
                using (var writer = new StreamWriter(archive.CreateEntry("model.json").Open()))
                {
                    writer.Write("{}");
                }

                model.SaveToZip(archive);
                model.SaveToZip(archive, "embeddings/autoencoder.json");
            }

            return buffer.ToArray();
        }

        var bytes = Zip();
        Assert.Equal(bytes, Zip()); // fixed timestamps: same model → same zip bytes

        using (var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            AssertSame(model, AutoencoderModel.LoadFromZip(archive));
            AssertSame(model, AutoencoderModel.LoadFromZip(archive, "embeddings/autoencoder.json"));
            var missing = Assert.Throws<InvalidDataException>(() => AutoencoderModel.LoadFromZip(archive, "nope.json"));
            Assert.Contains("model.json, autoencoder.json, embeddings/autoencoder.json", missing.Message, StringComparison.Ordinal);
        }

        // The other way: a loaded model written into an existing zip (Update mode replaces the entry) and read back.
        var loaded = AutoencoderModel.LoadFromZip(new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read));
        using var updated = new MemoryStream();
        updated.Write(bytes);
        using (var archive = new ZipArchive(updated, ZipArchiveMode.Update, leaveOpen: true))
        {
            loaded.SaveToZip(archive);
        }

        updated.Position = 0;
        using (var archive = new ZipArchive(updated, ZipArchiveMode.Read))
        {
            Assert.Single(archive.Entries, e => e.FullName == AutoencoderModel.DefaultEntryName);
            AssertSame(model, AutoencoderModel.LoadFromZip(archive));
        }
    }

    [Fact]
    public void Bad_files_are_rejected_with_the_reason()
    {
        InvalidDataException Load(string text) =>
            Assert.Throws<InvalidDataException>(() => AutoencoderModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.Contains("not valid JSON", Load("not json").Message, StringComparison.Ordinal);
        Assert.Contains("'format' is missing", Load("{}").Message, StringComparison.Ordinal);
        Assert.Contains("version 2 is not supported", Load("{\"format\":\"smartpulse.autoencoder\",\"version\":2}").Message, StringComparison.Ordinal);

        using var stream = new MemoryStream();
        _trained.Value.Save(stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());
        var truncatedKernel = json.Replace("\"kernel\": [", "\"kernel\": [1.5,", StringComparison.Ordinal);
        Assert.Contains("kernel has 19 values; expected 18", Load(truncatedKernel).Message, StringComparison.Ordinal);
        Assert.Contains("unknown activation 'Softmax'", Load(json.Replace("\"activation\": \"Linear\"", "\"activation\": \"Softmax\"", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    private static void AssertSame(AutoencoderModel expected, AutoencoderModel actual)
    {
        var mall = MallStandardised.Matrix;
        Assert.Equal(DenseAutoencoderTests.Bits(expected.Parameters), DenseAutoencoderTests.Bits(actual.Parameters));
        Assert.Equal(DenseAutoencoderTests.Bits(expected.Encode(mall).Values.ToArray()), DenseAutoencoderTests.Bits(actual.Encode(mall).Values.ToArray()));
        Assert.Equal(DenseAutoencoderTests.Bits(expected.ReconstructionErrors(mall)), DenseAutoencoderTests.Bits(actual.ReconstructionErrors(mall)));
        Assert.Equal(expected.Options with { Encoder = [], Decoder = [] }, actual.Options with { Encoder = [], Decoder = [] });
        Assert.Equal(expected.Options.Encoder, actual.Options.Encoder);
        Assert.Equal(expected.Options.Decoder, actual.Options.Decoder);
        Assert.Equal(expected.FeatureNames, actual.FeatureNames);
        Assert.Equal(expected.History.Loss, actual.History.Loss);
        Assert.Equal(expected.History.ValidationLoss, actual.History.ValidationLoss);
        Assert.Equal(expected.History with { Loss = [], ValidationLoss = [] }, actual.History with { Loss = [], ValidationLoss = [] });
        Assert.Equal(expected.Warnings, actual.Warnings);
    }
}
