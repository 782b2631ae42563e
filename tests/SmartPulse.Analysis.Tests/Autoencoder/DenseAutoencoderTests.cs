using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Tests.Autoencoder;

public sealed class DenseAutoencoderTests
{
    private static FeatureMatrix Mall => MallStandardised.Matrix;

    [Fact]
    public void Defaults_are_the_seed_architecture_and_Keras_Adam()
    {
        var o = new AutoencoderOptions();
        Assert.Equal([new DenseLayerSpec(6, Activation.ReLU), new DenseLayerSpec(3, Activation.ReLU)], o.Encoder);
        Assert.Equal([new DenseLayerSpec(6, Activation.ReLU)], o.Decoder);
        Assert.Equal(Activation.Linear, o.OutputActivation);
        Assert.Equal((100, 8, 0.001, 0.9, 0.999, 1e-7), (o.Epochs, o.BatchSize, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon));
        Assert.True(o.Shuffle);
        Assert.Null(o.EarlyStoppingPatience);

        var model = new DenseAutoencoder(o with { Epochs = 1 }).Fit(Mall);
        Assert.Equal(90, model.ParameterCount); // 3·6+6 + 6·3+3 + 3·6+6 + 6·3+3, as Keras's summary() for the seed model
        Assert.Equal([(3, 6, true), (6, 3, true), (3, 6, false), (6, 3, false)], model.Layers.Select(l => (l.Inputs, l.Units, l.IsEncoder)));
        Assert.Equal(["code_1", "code_2", "code_3"], model.CodeNames);
        Assert.Equal(25, model.History.Steps); // 200 rows / batch 8
    }

    [Fact]
    public void Training_reduces_the_loss_on_Mall()
    {
        var model = new DenseAutoencoder(new AutoencoderOptions { Seed = 0 }).Fit(Mall);
        var loss = model.History.Loss;
        Assert.Equal(100, loss.Count);
        Assert.Equal(2500, model.History.Steps);
        Assert.Empty(model.History.ValidationLoss);

        // Standardised data: predicting 0 everywhere costs MSE 1. Training must get well below that and below where it started.
        Assert.True(loss[^1] < 0.5 * loss[0], $"first epoch {loss[0]:R}, last {loss[^1]:R}");
        Assert.True(loss[^1] < 0.6, $"last epoch loss {loss[^1]:R}");
        Assert.True(loss.Skip(90).Average() < loss.Take(10).Average());
        var evaluated = model.ReconstructionLoss(Mall);
        Assert.True(evaluated < 0.6, $"evaluate() loss {evaluated:R}");
    }

    [Fact]
    public void Same_data_and_seed_give_bit_identical_weights_codes_and_history()
    {
        var options = new AutoencoderOptions { Seed = 7, ValidationSplit = 0.2, EarlyStoppingPatience = 50, RestoreBestWeights = true };
        var a = new DenseAutoencoder(options).Fit(Mall);
        var b = new DenseAutoencoder(options).Fit(Mall);
        Assert.Equal(Bits(a.Parameters), Bits(b.Parameters));
        Assert.Equal(Bits(a.Encode(Mall).Values.ToArray()), Bits(b.Encode(Mall).Values.ToArray()));
        Assert.Equal(Bits(a.History.Loss.ToArray()), Bits(b.History.Loss.ToArray()));
        Assert.Equal(Bits(a.History.ValidationLoss.ToArray()), Bits(b.History.ValidationLoss.ToArray()));

        var other = new DenseAutoencoder(options with { Seed = 8 }).Fit(Mall);
        Assert.NotEqual(Bits(a.Parameters), Bits(other.Parameters));
    }

    [Fact]
    public void Large_batches_are_deterministic_too()
    {
        // Batches wide enough for the vectorised paths of every kernel, odd sizes for the tails.
        var data = Synthetic(1003, 10, seed: 1);
        var options = new AutoencoderOptions { Encoder = [new(37, Activation.Tanh), new(5, Activation.ReLU)], Decoder = [new(19, Activation.Sigmoid)], BatchSize = 129, Epochs = 3 };
        var a = new DenseAutoencoder(options).Fit(data);
        var b = new DenseAutoencoder(options).Fit(data);
        Assert.Equal(Bits(a.Parameters), Bits(b.Parameters));
        Assert.Equal(Bits(a.Reconstruct(data).Values.ToArray()), Bits(b.Reconstruct(data).Values.ToArray()));
    }

    [Fact]
    public void The_training_loop_does_not_allocate_per_batch()
    {
        long Allocated(int epochs)
        {
            var options = new AutoencoderOptions { Seed = 1, Epochs = epochs };
            var before = GC.GetAllocatedBytesForCurrentThread();
            new DenseAutoencoder(options).Fit(Mall);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(2); // warm up
        var few = Allocated(10);
        var many = Allocated(60);

        // 50 more epochs = 1,250 more batches; only the per-epoch loss lists may grow (8 bytes per epoch, twice).
        Assert.True(many - few < 4096, $"10 epochs allocated {few:N0} bytes, 60 epochs {many:N0}");
    }

    [Fact]
    public void Encode_decode_and_reconstruct_are_consistent()
    {
        var model = new DenseAutoencoder(new AutoencoderOptions { Seed = 1, Epochs = 20 }).Fit(Mall);
        var codes = model.Encode(Mall);
        Assert.Equal((200, 3), (codes.Rows, codes.Columns));
        Assert.Equal(model.CodeNames, codes.ColumnNames);
        Assert.All(codes.Values.ToArray(), v => Assert.True(v >= 0)); // ReLU codes

        var decoded = model.Decode(codes);
        var reconstructed = model.Reconstruct(Mall);
        Assert.Equal(Mall.ColumnNames, reconstructed.ColumnNames);
        Assert.Equal(Bits(decoded.Values.ToArray()), Bits(reconstructed.Values.ToArray()));

        var errors = model.ReconstructionErrors(Mall);
        Assert.Equal(200, errors.Length);
        for (var r = 0; r < 200; r++)
        {
            var expected = 0.0;
            for (var j = 0; j < 3; j++)
            {
                expected += Math.Pow(reconstructed[r, j] - Mall[r, j], 2) / 3;
            }

            Assert.Equal(expected, errors[r], 1e-12);
        }

        Assert.Equal(errors.Average(), model.ReconstructionLoss(Mall), 1e-12);

        // Row-by-row encoding equals batch encoding bit for bit (rows are independent).
        var single = model.Encode(new FeatureMatrix(Mall.Row(17), 1, Mall.ColumnNames));
        Assert.Equal(Bits(codes.Row(17).ToArray()), Bits(single.Values.ToArray()));
    }

    [Fact]
    public void Forward_pass_matches_a_hand_computed_network()
    {
        // A 2 → 1 (ReLU) → 2 (linear) model with hand-set weights, through persistence's public shape.
        var model = new DenseAutoencoder(new AutoencoderOptions { Encoder = [new(1, Activation.ReLU)], Decoder = [], Epochs = 1 })
            .Fit(new FeatureMatrix([1.0, 2.0, 3.0, 4.0], 2, ["a", "b"]));
        var parameters = new double[] { 0.5, -0.25, 0.1, /* decoder kernel 1×2 */ 2.0, -1.0, /* bias */ 0.3, 0.4 };
        var handSet = new AutoencoderModel(model.Options, ["a", "b"], model.Network, 1, parameters, model.History, []);
        var x = new FeatureMatrix([1.0, 2.0, -4.0, 1.0], 2, ["a", "b"]);

        // Row 1: z = 0.5·1 − 0.25·2 + 0.1 = 0.1 → code 0.1 → (0.2 + 0.3, −0.1 + 0.4) = (0.5, 0.3).
        // Row 2: z = −2 − 0.25 + 0.1 = −2.15 → code 0 → (0.3, 0.4).
        Assert.Equal([0.1, 0.0], handSet.Encode(x).Values.ToArray(), new ToleranceComparer(1e-15));
        Assert.Equal([0.5, 0.3, 0.3, 0.4], handSet.Reconstruct(x).Values.ToArray(), new ToleranceComparer(1e-15));
        Assert.Equal([(0.25 + 2.89) / 2, (18.49 + 0.36) / 2], handSet.ReconstructionErrors(x), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Validation_split_holds_out_the_last_rows_and_early_stopping_stops()
    {
        var model = new DenseAutoencoder(new AutoencoderOptions { Seed = 3, ValidationSplit = 0.25, Epochs = 300, EarlyStoppingPatience = 5, EarlyStoppingMinDelta = 1e-3, RestoreBestWeights = true }).Fit(Mall);
        var h = model.History;
        Assert.Equal((150, 50), (h.TrainingRows, h.ValidationRows));
        Assert.Equal(h.Loss.Count, h.ValidationLoss.Count);
        Assert.True(h.StoppedEarly, $"ran {h.Epochs} epochs");
        Assert.True(h.Epochs < 300);
        Assert.Equal(h.BestEpoch + 5, h.Epochs); // stopped exactly `patience` epochs after the best
        Assert.True(h.RestoredBestWeights);
        Assert.Contains(model.Warnings, w => w.Contains("Early stopping", StringComparison.Ordinal));
        Assert.Equal(19 * (h.Epochs), h.Steps); // ceil(150 / 8) = 19 steps per epoch

        // The restored weights give the best epoch's validation loss.
        var validation = new FeatureMatrix(Mall.Values[(150 * 3)..], 50, Mall.ColumnNames);
        Assert.Equal(h.ValidationLoss[h.BestEpoch - 1], model.ReconstructionLoss(validation), 1e-12);
    }

    [Fact]
    public void Options_are_validated_with_clear_messages()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenseAutoencoder(new AutoencoderOptions { BatchSize = 0 }));
        Assert.Contains("AutoencoderOptions.BatchSize is 0; valid: 1 to 65,536", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenseAutoencoder(new AutoencoderOptions { Encoder = [new(0, Activation.ReLU)] }));
        Assert.Contains("Encoder[0].Units is 0", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new DenseAutoencoder(new AutoencoderOptions { ValidationSplit = 1 }));
        Assert.Contains("ValidationSplit", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DenseAutoencoder(new AutoencoderOptions { Encoder = [] }));

        var empty = Assert.Throws<ArgumentException>(() => new DenseAutoencoder().Fit(new FeatureMatrix([], 0, ["a"])));
        Assert.Contains("no rows", empty.Message, StringComparison.Ordinal);

        var tiny = new FeatureMatrix([1.0, 2.0], 1, ["a", "b"]);
        var split = Assert.Throws<ArgumentException>(() => new DenseAutoencoder(new AutoencoderOptions { ValidationSplit = 0.5 }).Fit(tiny));
        Assert.Contains("1 rows", split.Message, StringComparison.Ordinal);

        var model = new DenseAutoencoder(new AutoencoderOptions { Epochs = 1 }).Fit(Mall);
        var wrong = Assert.Throws<ArgumentException>(() => model.Encode(new FeatureMatrix([1.0, 2.0, 3.0], 1, ["Age", "Income", "Score"])));
        Assert.Contains("Annual Income (k$)", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => model.Decode(new FeatureMatrix([1.0, 2.0], 1, ["x", "y"])));
    }

    [Fact]
    public void A_dead_code_unit_is_a_warning()
    {
        // 2 → 2 ReLU code → 2 linear; code unit 2 has bias −100, so it is 0 for every row of small data.
        var network = new DenseNetwork(2, [new(2, Activation.ReLU), new(2, Activation.Linear)]);
        double[] parameters = [1, 0, 0, 1, 0.5, -100, 1, 0, 0, 1, 0, 0];
        var data = new FeatureMatrix([1.0, 2.0, -1.0, 0.5, 0.3, -0.7], 3, ["a", "b"]);
        var warnings = DenseAutoencoder.ConstantCodeWarnings(network, parameters, 1, data).ToList();
        var warning = Assert.Single(warnings);
        Assert.StartsWith("Code unit code_2 is 0 for every row (a dead ReLU unit)", warning, StringComparison.Ordinal);

        // Trained models on Mall with the default seed have none.
        Assert.Empty(new DenseAutoencoder().Fit(Mall).Warnings);
    }

    [Fact]
    public void Divergence_is_reported_not_returned_as_NaN()
    {
        var huge = new FeatureMatrix([1e300, -1e300, 1e300, 1e300], 2, ["a", "b"]);
        var e = Assert.Throws<InvalidOperationException>(() => new DenseAutoencoder(new AutoencoderOptions { Epochs = 2 }).Fit(huge));
        Assert.Contains("Standardise", e.Message, StringComparison.Ordinal);
    }

    internal static FeatureMatrix Synthetic(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() * 2) - 1 + (i % columns == 0 ? values[Math.Max(0, i - 1)] : 0);
        }

        return new FeatureMatrix(values, rows, Enumerable.Range(1, columns).Select(c => $"x{c}").ToArray());
    }

    internal static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
