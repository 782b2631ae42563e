using System.Reflection;
using System.Text.Json.Nodes;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

/// <summary>
/// <c>#i "nuget: feed"</c> + <c>#r "nuget: SmartPulse.Analysis, version"</c> under the engine: the tool's own copy is bound
/// (types shared with its formatters); a different version or a package source gets a warning instead of silence.
/// </summary>
public class PackageDirectiveTests
{
    private static readonly string _carried = typeof(Datasets).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [Fact]
    public void Host_package_binds_silently_for_its_own_version_and_warns_for_another_version_or_a_source()
    {
        var dir = Directory.CreateTempSubdirectory("smartpulse-nuget-").FullName;
        try
        {
            Assert.EndsWith("-preview.1", _carried, StringComparison.Ordinal);
            var same = Run(dir, "same", $"#r \"nuget: SmartPulse.Analysis, {_carried}\"\nSmartPulse.Analysis.Samples.Datasets.Mall.Load().Rows.Count");
            Assert.Equal("", Stderr(same));
            Assert.Contains($"Installed package SmartPulse.Analysis, {_carried} (from the host)", Plain(same), StringComparison.Ordinal);
            Assert.Contains("200", Plain(same), StringComparison.Ordinal);

            var other = Run(dir, "other", "#r \"nuget: SmartPulse.Analysis, 9.9.9\"\n1 + 1");
            Assert.Contains($"warning: #r \"nuget: SmartPulse.Analysis, 9.9.9\": this host carries SmartPulse.Analysis {_carried} and binds to that copy", Stderr(other), StringComparison.Ordinal);
            Assert.Contains("the requested version 9.9.9 was not used", Stderr(other), StringComparison.Ordinal);

            var feed = Directory.CreateDirectory(Path.Combine(dir, "feed")).FullName;
            var source = Run(dir, "source", $"#i \"nuget: {feed}\"\n#r \"nuget: SmartPulse.Analysis, {_carried}\"\n1 + 1");
            Assert.Contains($"the requested source {feed} was not used", Stderr(source), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static JsonNode Run(string dir, string name, string code)
    {
        var dib = Path.Combine(dir, name + ".dib");
        File.WriteAllText(dib, "#!csharp\n\n" + code + "\n");
        var outDir = Path.Combine(dir, "out-" + name);
        var (exit, _, err) = CliRunner.Run("run", dib, "--out", outDir);
        Assert.True(exit == 0, err);
        return JsonNode.Parse(File.ReadAllText(Directory.GetFiles(outDir, "*.ipynb", SearchOption.AllDirectories).Single()))!;
    }

    private static IEnumerable<JsonNode> Outputs(JsonNode nb) =>
        nb["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).OfType<JsonNode>();

    private static string Stderr(JsonNode nb) => string.Concat(Outputs(nb).Where(o => (string?)o["name"] == "stderr").Select(o => Text(o["text"])));

    private static string Plain(JsonNode nb) => string.Concat(Outputs(nb).Select(o => Text(o["data"]?["text/plain"])));

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => (string?)x)),
        JsonValue v => (string?)v ?? "",
        _ => "",
    };
}
