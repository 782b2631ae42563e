using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Exploration.Files;

namespace SmartPulse.Analysis.Tests.Exploration.Files;

/// <summary>
/// The DuckDB engine reports its query progress (for the CLI's stderr bar) without changing the profile.
/// No timing is asserted: how many reports arrive depends on the machine.
/// </summary>
public sealed class DuckDbProgressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-duckprogress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ProgressReportsStayWithinTheFileAndLeaveTheProfileUnchanged()
    {
        var sb = new StringBuilder("segment,spend\n");
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append(i % 3 == 0 ? "gold" : "basic").Append(',').Append((i * 0.37).ToString("F2", CultureInfo.InvariantCulture)).Append('\n');
        }

        var path = Path.Combine(_dir, "p.csv");
        File.WriteAllText(path, sb.ToString());
        var size = new FileInfo(path).Length;
        var reports = new List<(long Done, long Total)>();
        var withProgress = FileEda.Profile(path, engine: ProfileEngine.DuckDb, progress: (done, total) => { lock (reports) { reports.Add((done, total)); } });
        var without = FileEda.Profile(path, engine: ProfileEngine.DuckDb);
        Assert.Equal(ProfileEngine.DuckDb, withProgress.Engine);
        Assert.Equal(without.Describe.Numeric, withProgress.Describe.Numeric);
        Assert.Equal(without.Describe.Categorical, withProgress.Describe.Categorical);
        Assert.All(reports, r => Assert.True(r.Total == size && r.Done >= 0 && r.Done <= size, $"{r.Done} of {r.Total}"));
    }
}
