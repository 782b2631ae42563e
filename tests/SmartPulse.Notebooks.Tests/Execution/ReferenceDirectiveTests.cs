using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Tests.Execution;

public sealed class ReferenceDirectiveTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Compiles a one-class library to <paramref name="path"/> with Roslyn.</summary>
    private static void CompileLibrary(string path, string assemblyName, string code)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(code)],
            refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task FileReferenceIsRelativeToTheNotebookFolder()
    {
        Directory.CreateDirectory(_files.PathOf("lib"));
        CompileLibrary(_files.PathOf("lib", "Greeter.dll"), "Greeter", "namespace Greeting; public static class Greeter { public static string Hello(string n) => \"Hello, \" + n; }");
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = _files.Root });

        var result = await session.ExecuteAsync("#r \"lib/Greeter.dll\"\nGreeting.Greeter.Hello(\"notebook\")");

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("Hello, notebook", Assert.Single(result.Outputs).PlainText());
    }

    [Fact]
    public async Task FileReferenceToAnAssemblyTheHostCarriesBindsToTheHostCopy()
    {
        Directory.CreateDirectory(_files.PathOf("bin"));
        var copy = _files.PathOf("bin", "SmartPulse.Notebooks.Tests.dll");
        File.Copy(typeof(ReferenceDirectiveTests).Assembly.Location, copy);
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = _files.Root });

        var result = await session.ExecuteAsync("#r \"bin/SmartPulse.Notebooks.Tests.dll\"\nvar w = new SmartPulse.Notebooks.Tests.Execution.HostWidget(1);");

        Assert.True(result.Succeeded, result.ErrorSummary);
        Assert.True(session.TryGetVariable("w", out var w));
        Assert.IsType<HostWidget>(w);
    }

    [Fact]
    public async Task MissingFileReferenceIsADirectiveErrorWithThePath()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = _files.Root });
        var result = await session.ExecuteAsync("#r \"lib/Nope.dll\"");
        var error = Assert.Single(result.Outputs);
        Assert.Equal(ErrorOutputs.DirectiveError, error.ErrorName);
        Assert.Equal($"(1): #r \"lib/Nope.dll\": file not found at {_files.PathOf("lib", "Nope.dll")} (paths are relative to {_files.Root}).", error.ErrorValue);
    }

    [Fact]
    public async Task PackageSourceFromIDirectiveIsUsedAndKeysTheCache()
    {
        var feed = _files.PathOf("feed");
        Directory.CreateDirectory(feed);
        var cache = _files.PathOf("cache");
        using var session = new ScriptSession(new ScriptSessionOptions { PackageCacheDirectory = cache });

        var result = await session.ExecuteAsync($"#i \"nuget: {feed}\"\n#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"segment_profile\".Humanize(LetterCasing.Title)");

        Assert.True(result.Succeeded, string.Join("\n", result.Outputs.Select(o => o.ErrorValue ?? o.PlainText())));
        Assert.Equal("Segment Profile", result.Outputs[^1].PlainText());
        var keyed = Assert.Single(Directory.GetDirectories(Path.Combine(cache, "humanizer.core")));
        Assert.StartsWith("2.14.1-", Path.GetFileName(keyed));
        Assert.Contains($"<RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>", File.ReadAllText(Path.Combine(keyed, "restore.csproj")));
    }

    [Fact]
    public async Task ObserverSeesOutputsAsTheyComeAndDisplayUpdates()
    {
        var observer = new RecordingObserver();
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("Console.Write(\"a\"); Console.Write(\"b\"); var d = display(1); d.Update(2); 3", observer);

        Assert.Equal(["stream:a", "stream:b", "display_data:1", "update:2", "execute_result:3"], observer.Events);
        Assert.Equal("ab", result.Outputs[0].Text);
        Assert.Equal("2", result.Outputs[1].PlainText());
        Assert.Equal("display-1-1", observer.UpdatedId);
    }

    private sealed class RecordingObserver : ICellOutputObserver
    {
        public List<string> Events { get; } = [];

        public string? UpdatedId { get; private set; }

        public void OnOutput(CellOutput output) =>
            Events.Add($"{output.OutputType}:{(output.OutputType == CellOutput.StreamType ? output.Text : output.PlainText())}");

        public void OnDisplayUpdated(CellOutput output)
        {
            UpdatedId = output.DisplayId;
            Events.Add($"update:{output.PlainText()}");
        }
    }
}
