using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Tests.Segmentation;

/// <summary>The out-of-core path (features streamed in blocks, never held whole) against the in-memory columnar path.</summary>
public sealed class ChunkedSegmenterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chunked-seg").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Three seeded blobs in 3 features, 20,000 rows (three 8,192-row blocks, the last one partial).</summary>
    private string Blobs(int rows, string? missingEvery = null)
    {
        var random = new Random(11);
        double[][] centres = [[0, 0, 0], [6, 6, 0], [0, 6, 6]];
        var text = new StringBuilder("x,name,y,z\n");
        for (var r = 0; r < rows; r++)
        {
            var c = centres[random.Next(3)];
            var v = c.Select(m => (m + (random.NextDouble() * 2) - 1).ToString("R", CultureInfo.InvariantCulture)).ToArray();
            if (missingEvery is not null && r % 97 == 5)
            {
                v[1] = missingEvery;
            }

            text.Append(CultureInfo.InvariantCulture, $"{v[0]},row {r},{v[1]},{v[2]}\n");
        }

        var path = Path.Combine(_dir, $"blobs-{rows}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void StreamedLloydIsBitIdenticalToTheInMemoryPathAcrossBlocks()
    {
        var path = Blobs(20_000);
        string[] features = ["x", "y", "z"];
        var options = new SegmentationOptions { Features = features, K = 3, Restarts = 2, Seed = 5, Scale = ScalingKind.Standard };
        var inMemory = ColumnarSegmenter.Fit(ColumnarReader.Read(path, columns: features), options);
        var streamed = ChunkedSegmenter.Fit(path, null, options, sample: 20_000, chunkRows: 8192);
        Assert.Equal(inMemory.Result.Labels, streamed.Result.Labels);
        Assert.Equal(inMemory.Result.Inertia, streamed.Result.Inertia);
        Assert.Equal(inMemory.Iterations, streamed.Iterations);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(inMemory.Result.Centroids[c], streamed.Result.Centroids[c]);
        }

        Assert.Equal(inMemory.Scores.Silhouette, streamed.Scores.Silhouette);
        Assert.Equal("true", streamed.Result.Parameters["out_of_core"]);
    }

    [Fact]
    public void HandComputedTwoClustersInOneFeature()
    {
        // 0, 2 | 10, 12: centres 1 and 11, inertia 4 × 1² = 4.
        var path = Path.Combine(_dir, "toy.csv");
        File.WriteAllText(path, "v\n0\n10\n2\n12\n");
        var run = ChunkedSegmenter.Fit(path, null, new SegmentationOptions { Features = ["v"], K = 2, Restarts = 1, Scale = null });
        var centres = run.Result.Centroids.Select(c => c[0]).Order().ToArray();
        Assert.Equal([1.0, 11.0], centres);
        Assert.Equal(4.0, run.Result.Inertia);
        Assert.Equal(run.Result.Labels[0], run.Result.Labels[2]);
        Assert.NotEqual(run.Result.Labels[0], run.Result.Labels[1]);
    }

    [Fact]
    public void SampledRunSaysWhatCameFromTheSampleAndMatchesTheExactInertia()
    {
        var path = Blobs(30_000, missingEvery: "");
        var options = new SegmentationOptions { Features = ["x", "y", "z"], K = 3, Restarts = 1, Seed = 1, Scale = ScalingKind.Standard };
        var exact = ColumnarSegmenter.Fit(ColumnarReader.Read(path, columns: ["x", "y", "z"]), options);
        var streamed = ChunkedSegmenter.Fit(path, null, options, sample: 2_000, chunkRows: 8192);
        Assert.Equal(exact.ImputedCells, streamed.ImputedCells);
        Assert.Contains(streamed.Result.Warnings, w => w.Contains("medians of a seeded sample of 2000 of the 30000 rows", StringComparison.Ordinal));
        Assert.Contains(streamed.Result.Warnings, w => w.Contains("computed on a seeded sample", StringComparison.Ordinal));
        Assert.Equal(exact.Result.Inertia, streamed.Result.Inertia, exact.Result.Inertia * 1e-3);
    }

    [Fact]
    public void MiniBatchFromBlocksIsWithinOnePercentOfLloyd()
    {
        var path = Blobs(40_000);
        var options = new SegmentationOptions { Features = ["x", "y", "z"], K = 3, Restarts = 1, Seed = 3, Scale = ScalingKind.Standard };
        var lloyd = ChunkedSegmenter.Fit(path, null, options, sample: 5_000, chunkRows: 8192);
        var mini = ChunkedSegmenter.Fit(path, null, options, sample: 5_000, miniBatch: 256, chunkRows: 8192);
        Assert.Equal("256", mini.Result.Parameters["mini_batch"]);
        Assert.InRange(mini.Result.Inertia / lloyd.Result.Inertia, 0.999, 1.01);
        Assert.Equal(40_000, mini.Result.Labels.Count);
    }

    [Fact]
    public void ParquetInputGivesTheCsvResult()
    {
        var csv = Blobs(9_000);
        var parquet = Path.Combine(_dir, "blobs.parquet");
        Analysis.Export.ParquetExport.Write(ColumnarReader.Read(csv).ToDataFrame(), parquet);
        var options = new SegmentationOptions { Features = ["x", "y", "z"], K = 3, Restarts = 1, Seed = 2 };
        var a = ChunkedSegmenter.Fit(csv, null, options, chunkRows: 8192);
        var b = ChunkedSegmenter.Fit(parquet, null, options, chunkRows: 8192);
        Assert.Equal(a.Result.Labels, b.Result.Labels);
        Assert.Equal(a.Result.Inertia, b.Result.Inertia);
    }

    [Fact]
    public void BadValueDeepInTheFileNamesLineAndColumn()
    {
        var path = Blobs(20_000);
        var lines = File.ReadAllLines(path);
        lines[17_000] = "1.5,row,oops,2";
        File.WriteAllLines(path, lines);
        var ex = Assert.Throws<CsvFormatException>(() => ChunkedSegmenter.Fit(path, null, new SegmentationOptions { Features = ["x", "y", "z"], K = 2 }, chunkRows: 8192));
        Assert.Contains("line 17001", ex.Message);
        Assert.Contains("'oops' is not a number", ex.Message);
        Assert.Equal("y", ex.Column);
    }

    [Fact]
    public void Float32AgreesWithFloat64WithinTheStatedTolerance()
    {
        // Stated tolerance: float32 storage rounds each value by at most 2^-24 relative, so on well-separated data the
        // labels are the same and inertia and centroids agree to 1e-5 relative (model space).
        var path = Blobs(30_000);
        var options = new SegmentationOptions { Features = ["x", "y", "z"], K = 3, Restarts = 1, Seed = 4, Scale = ScalingKind.Standard };
        var f64 = ChunkedSegmenter.Fit(path, null, options, sample: 30_000, chunkRows: 8192);
        var f32 = ChunkedSegmenter.Fit(path, null, options, sample: 30_000, chunkRows: 8192, float32: true);
        Assert.Equal("true", f32.Result.Parameters["float32"]);
        Assert.Equal(f64.Result.Labels, f32.Result.Labels);
        Assert.Equal(f64.Result.Inertia, f32.Result.Inertia, f64.Result.Inertia * 1e-5);
        for (var c = 0; c < 3; c++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(f64.OriginalCentroids[c][j], f32.OriginalCentroids[c][j], 1e-5 * Math.Max(1, Math.Abs(f64.OriginalCentroids[c][j])));
            }
        }
    }
}
