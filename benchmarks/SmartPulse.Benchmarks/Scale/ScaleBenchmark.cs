using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPulse.Benchmarks.Scale;

/// <summary>
/// The data-path benchmark of issue 15, side by side in one run: <c>smartpulse profile</c> vs pandas
/// <c>read_csv + describe</c>, and <c>smartpulse segment --k 8 --restarts 1</c> vs pandas + scikit-learn
/// <c>StandardScaler + KMeans(n_init=1)</c>, on a generated seeded numeric CSV. Each side is a separate
/// process under <c>/usr/bin/time -v</c> (wall time and peak RSS), run <c>--runs</c> times; medians are
/// printed with the ratios and both inertias. Needs the Release CLI
/// (<c>dotnet build -c Release src/SmartPulse.Cli</c>) and Debian's <c>/usr/bin/python3</c> with pandas and scikit-learn.
/// Usage: <c>scale [--rows 5000000] [--cols 10] [--runs 3] [--dir /tmp/smartpulse-scale] [--only profile|segment|minibatch] [--keep] [--no-pandas]</c>.
/// <c>profile</c> runs <c>profile --engine duckdb</c>, <c>profile --engine stream</c> and pandas interleaved (see <see cref="ProfileComparison"/>).
/// <c>minibatch</c> compares <c>segment --mini-batch 1024 --restarts 1</c> with scikit-learn's <c>MiniBatchKMeans(batch_size=1024, n_init=1)</c>.
/// </summary>
public sealed class ScaleBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "scale";

    /// <inheritdoc />
    public string Description => "profile and segment (k=8, 1 start) on a generated N x 10 CSV vs pandas / pandas + scikit-learn (wall, peak RSS, inertia)";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var rows = long.Parse(Arg(args, "--rows", "5000000"), CultureInfo.InvariantCulture);
        var cols = int.Parse(Arg(args, "--cols", "10"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var only = Arg(args, "--only", "all");
        var dir = Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "smartpulse-scale"));
        var root = RepoRoot();
        var cli = Path.Combine(root, "src/SmartPulse.Cli/bin/Release/net10.0/smartpulse.dll");
        if (!File.Exists(cli))
        {
            Console.WriteLine($"build the CLI first: dotnet build -c Release {Path.Combine(root, "src/SmartPulse.Cli")}");
            return;
        }

        var file = ScaleData.Ensure(dir, rows, cols);
        Console.WriteLine($"data: {file} ({new FileInfo(file).Length / 1e6:0} MB, {rows:N0} rows x {cols}); {runs} runs each, medians");
        var features = string.Join(',', Enumerable.Range(0, cols).Select(j => "c" + j));
        var python = Path.Combine(root, "benchmarks/python");
        if (only is "all" or "profile")
        {
            ProfileComparison.Run(cli, file, Path.Combine(python, "scale_profile.py"), runs, withPandas: !args.Contains("--no-pandas"));
        }

        if (only is "all" or "segment")
        {
            Compare("segment k=8, 1 start",
                () => Measured.Run("dotnet", cli, "segment", file, "--features", features, "--k", "8", "--restarts", "1", "--json"),
                () => Measured.Run("/usr/bin/python3", Path.Combine(python, "scale_segment.py"), file, "8"),
                runs, @"""inertia"":\s*([-0-9.eE+]+)|inertia ([-0-9.eE+]+)");
        }

        if (only is "all" or "minibatch")
        {
            Compare("mini-batch k=8, 1024",
                () => Measured.Run("dotnet", cli, "segment", file, "--features", features, "--k", "8", "--restarts", "1", "--mini-batch", "1024", "--json"),
                () => Measured.Run("/usr/bin/python3", Path.Combine(python, "scale_segment.py"), file, "8", "minibatch", "1024"),
                runs, @"""inertia"":\s*([-0-9.eE+]+)|inertia ([-0-9.eE+]+)");
        }

        if (!args.Contains("--keep"))
        {
            File.Delete(file);
        }
    }

    private static void Compare(string task, Func<Measured> ours, Func<Measured> theirs, int runs, string? inertiaPattern)
    {
        var a = new List<Measured>();
        var b = new List<Measured>();
        for (var i = 0; i < runs; i++)
        {
            a.Add(ours());
            b.Add(theirs());
        }

        double Med(List<Measured> m, Func<Measured, double> f) => Measured.Median(m.Select(f));
        var (wa, wb, pa, pb) = (Med(a, m => m.Seconds), Med(b, m => m.Seconds), Med(a, m => m.PeakGb), Med(b, m => m.PeakGb));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{task,-22} smartpulse {wa,7:0.00} s {pa,5:0.00} GB | python {wb,7:0.00} s {pb,5:0.00} GB | wall ratio {wa / wb:0.00}, memory ratio {pa / pb:0.00}"));
        if (inertiaPattern is not null)
        {
            double Inertia(Measured m)
            {
                var match = Regex.Match(m.Output, inertiaPattern);
                var g = match.Groups[1].Success ? match.Groups[1] : match.Groups[2];
                return match.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : double.NaN;
            }

            var ia = Inertia(a[0]);
            var ib = Inertia(b[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-22} inertia smartpulse {ia:R} | scikit-learn {ib:R} | relative difference {Math.Abs(ia - ib) / ib:E2}"));
        }
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}
