using System.Globalization;
using System.Text;

namespace SmartPulse.Benchmarks.Scale;

/// <summary>
/// Writes the seeded numeric CSV the scale benchmarks read: <c>rows × cols</c> values around 8
/// well-separated centres (so every KMeans start reaches the same optimum), 3 decimals, header
/// c0..c{cols-1} — about 67 bytes a row at 10 columns (5M rows ≈ 335 MB, like the file).
/// </summary>
public static class ScaleData
{
    /// <summary>Writes the file unless it exists with the right header; returns its path.</summary>
    public static string Ensure(string directory, long rows, int cols)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"numeric-{rows}x{cols}.csv");
        if (File.Exists(path) && new FileInfo(path).Length > rows * cols * 4)
        {
            return path;
        }

        var temp = path + ".tmp";
        var random = new Random(20261202);
        var centres = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, cols).Select(_ => random.Next(0, 100) * 1.0).ToArray()).ToArray();
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(string.Join(',', Enumerable.Range(0, cols).Select(j => "c" + j)) + "\n");
            var line = new StringBuilder();
            for (long r = 0; r < rows; r++)
            {
                line.Clear();
                var c = centres[random.Next(8)];
                for (var j = 0; j < cols; j++)
                {
                    if (j > 0)
                    {
                        line.Append(',');
                    }

                    // Box–Muller normal, sd 3, around the centre.
                    var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    line.Append((c[j] + (3 * g)).ToString("F3", CultureInfo.InvariantCulture));
                }

                line.Append('\n');
                writer.Write(line);
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
