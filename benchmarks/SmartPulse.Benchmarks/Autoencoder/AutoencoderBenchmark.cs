using System.Diagnostics;
using System.Globalization;
using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Benchmarks.Autoencoder;

/// <summary>
/// Dense autoencoder training, seed architecture (encoder 6 ReLU → 3 ReLU, decoder 6 ReLU → d linear), Adam, batch 8:
/// (1) Mall 200 × 3 standardised, 100 epochs (target &lt; 0.3 s), plus AE + KMeans (k = 3) scores;
/// (2) 100,000 × 10 synthetic rows, 10 epochs (time and rows/s). Args: [mall|large|both] [runs].
/// </summary>
public sealed class AutoencoderBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "autoencoder";

    /// <inheritdoc />
    public string Description => "Dense AE train: Mall 200x3 100 epochs batch 8 (target < 0.3 s); 100,000x10 10 epochs. Args: [mall|large|both] [runs]";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "both";
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        if (which is "mall" or "both")
        {
            RunMall(runs > 0 ? runs : 11);
        }

        if (which is "large" or "both")
        {
            RunLarge(runs > 0 ? runs : 3);
        }
    }

    private static void RunMall(int runs)
    {
        var mall = StandardisedMall();
        AutoencoderModel? model = null;
        var coldCpu = ThreadCpuTime.Seconds();
        var cold = Stopwatch.StartNew();
        model = new DenseAutoencoder(new AutoencoderOptions { Seed = 0 }).Fit(mall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mall first fit in this process (includes JIT): wall {cold.Elapsed.TotalMilliseconds:F1} ms, thread CPU {(ThreadCpuTime.Seconds() - coldCpu) * 1000:F1} ms"));
        var (median, cpu) = ThreadCpuTime.Median(runs, () => model = new DenseAutoencoder(new AutoencoderOptions { Seed = 0 }).Fit(mall), warmUp: false);
        var h = model!.History;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"mall 200x3, 100 epochs, batch 8, {h.Steps} steps: median wall {median * 1000:F1} ms, thread CPU {cpu * 1000:F1} ms over {runs} runs (target < 300 ms); {200 * 100 / median:N0} rows/s; loss epoch 1 {h.Loss[0]:F4} -> epoch 100 {h.Loss[^1]:F4}"));

        var sw = Stopwatch.StartNew();
        var clustered = AutoencoderKMeans.Fit(model, mall);
        var plain = new KMeans(new KMeansOptions { K = 3, Seed = 0 }).Fit(mall);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"AE+KMeans k=3 ({sw.Elapsed.TotalMilliseconds:F0} ms): silhouette code space {clustered.SilhouetteCodeSpace:F4}, input space {clustered.SilhouetteInputSpace:F4}; inertia code space {clustered.InertiaCodeSpace:F3}, input space {clustered.InertiaInputSpace:F3}; plain KMeans k=3 on standardised input: silhouette {Analysis.Evaluation.ClusterMetrics.Silhouette(mall, plain.Labels):F4}, inertia {plain.Inertia:F3}"));
        foreach (var w in model.Warnings.Concat(clustered.Warnings))
        {
            Console.WriteLine($"  warning: {w}");
        }
    }

    private static void RunLarge(int runs)
    {
        const int rows = 100_000;
        const int columns = 10;
        var data = Synthetic(rows, columns, seed: 1);
        var options = new AutoencoderOptions { Seed = 0, Epochs = 10 };
        AutoencoderModel? model = null;
        var (median, cpu) = ThreadCpuTime.Median(runs, () => model = new DenseAutoencoder(options).Fit(data), warmUp: false);
        var h = model!.History;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"synthetic {rows:N0}x{columns}, 10 epochs, batch 8, {h.Steps:N0} steps, {model.ParameterCount} parameters: median wall {median:F3} s, thread CPU {cpu:F3} s over {runs} runs; {(double)rows * options.Epochs / median:N0} rows/s (wall); loss epoch 1 {h.Loss[0]:F4} -> epoch 10 {h.Loss[^1]:F4}"));
    }

    private static FeatureMatrix StandardisedMall()
    {
        string[] names = ["Age", "Annual Income (k$)", "Spending Score (1-100)"];
        var frame = Datasets.Mall.Load();
        var columns = names.Select(c => FrameColumns.Numeric(FrameColumns.Get(frame, c)).Select(v => v!.Value).ToArray()).ToArray();
        var n = columns[0].Length;
        var values = new double[n * names.Length];
        for (var j = 0; j < names.Length; j++)
        {
            var mean = columns[j].Average();
            var std = Math.Sqrt(columns[j].Select(v => (v - mean) * (v - mean)).Sum() / n);
            for (var r = 0; r < n; r++)
            {
                values[(r * names.Length) + j] = (columns[j][r] - mean) / std;
            }
        }

        return new FeatureMatrix(values, n, names);
    }

    /// <summary>Correlated standard-normal-ish columns: 3 latent factors mixed into <paramref name="columns"/> plus noise.</summary>
    private static FeatureMatrix Synthetic(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var mixing = new double[3 * columns];
        for (var i = 0; i < mixing.Length; i++)
        {
            mixing[i] = (random.NextDouble() * 2) - 1;
        }

        var values = new double[rows * columns];
        Span<double> latent = stackalloc double[3];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < 3; k++)
            {
                latent[k] = Gaussian(random);
            }

            for (var j = 0; j < columns; j++)
            {
                var v = 0.1 * Gaussian(random);
                for (var k = 0; k < 3; k++)
                {
                    v += latent[k] * mixing[(k * columns) + j];
                }

                values[(r * columns) + j] = v;
            }
        }

        return new FeatureMatrix(values, rows, Enumerable.Range(1, columns).Select(c => $"x{c}").ToArray());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
