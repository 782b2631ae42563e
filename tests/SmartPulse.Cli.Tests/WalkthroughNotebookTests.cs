using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Runner;
using SmartPulse.Testing;

namespace SmartPulse.Cli.Tests;

/// <summary>
/// The committed walkthrough notebooks: they follow the format rules, and re-executing them with the
/// real <c>smartpulse</c> process reproduces every stored output (what <c>smartpulse run --check</c> checks), on the
/// suite's one execution of them (<see cref="WalkthroughCache"/>).
/// </summary>
public class WalkthroughNotebookTests
{
    private static readonly string _notebooks = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(DataDirectory.Resolve("Mall_Customers.csv")))!, "notebooks");

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(_notebooks, "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void TheSevenWalkthroughsExist()
    {
        Assert.Equal(
            ["00-bring-your-own-data.ipynb", "01-mall-kmeans.ipynb", "02-mall-autoencoder.ipynb", "03-shop-customers.ipynb", "04-smartcart-campaign.ipynb", "05-ifood-customer-intelligence.ipynb", "06-cross-check-with-python.ipynb"],
            Directory.GetFiles(_notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NotebookFollowsTheFormatRulesAndOrchestratesOnly(string name)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(_notebooks, name))).RootElement;
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("C#", root.GetProperty("metadata").GetProperty("language_info").GetProperty("name").GetString());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(cells.Count, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal("markdown", cells[0].GetProperty("cell_type").GetString());
        Assert.StartsWith("# ", string.Concat(cells[0].GetProperty("source").EnumerateArray().Select(s => s.GetString())));
        var code = cells.Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.Contains(code, c => c.GetProperty("metadata").TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == "parameters"));
        var counts = code.Select(c => c.GetProperty("execution_count").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, code.Count), counts);
        foreach (var cell in code)
        {
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
            // Orchestration only: no classes, records or methods defined in cells.
            Assert.DoesNotMatch(@"\b(class|record|struct|interface)\s+[A-Z]\w*", source);
            Assert.DoesNotMatch(@"^\s*(static\s+)?[\w<>\[\],? ]+\s+\w+\s*\([^)]*\)\s*(\{|=>)", source);
            Assert.All(cell.GetProperty("outputs").EnumerateArray(), o => Assert.NotEqual("error", o.GetProperty("output_type").GetString()));
        }
    }

    [Fact]
    public async Task ReExecutingTheNotebooksReproducesTheirOutputs()
    {
        // The suite's one execution of the walkthroughs (smartpulse run notebooks, shared with the other test
        // assemblies); what `smartpulse run notebooks --check` checks, on its executed copies.
        var run = await WalkthroughCache.GetAsync(Path.Combine(AppContext.BaseDirectory, "smartpulse.dll"));
        Assert.True(run.ExitCode == 0, $"smartpulse run notebooks: exit {run.ExitCode}\n{run.Log}");
        // 06 connects a python3 Jupyter kernel: without that kernelspec the runner skips it (exit 0, with the install
        // command); under CI=true nothing is skipped, so all seven run and reproduce.
        var skipped = run.Skipped;
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Empty(skipped);
        }

        Assert.Contains($"{7 - skipped.Count} of {7 - skipped.Count} notebook(s) succeeded", run.Log);
        var differences = new List<string>();
        foreach (var source in run.Sources.Where(s => !skipped.Contains(Path.GetFileName(s))))
        {
            var executed = NotebookFile.Load(run.Executed(Path.GetFileName(source)));
            differences.AddRange(OutputComparer.Compare(NotebookFile.Load(source), executed)
                .Select(d => $"{Path.GetFileName(source)}: cell {d.Index} (id {d.Id}): {d.Summary}\n  stored: {d.Expected}\n  now:    {d.Actual}"));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
