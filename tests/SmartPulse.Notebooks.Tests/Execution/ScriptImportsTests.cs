using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Tests.Execution;

public sealed class ScriptImportsTests
{
    [Fact]
    public void DeclaredNamespacesAreReadFromAssemblyMetadata()
    {
        Assert.Equal(["SmartPulse.Notebooks.Tests.Execution.Imported", "System.Text.Json"], ScriptImports.Declared(typeof(ScriptImportsTests).Assembly));
        Assert.Empty(ScriptImports.Declared(typeof(object).Assembly));
    }

    [Fact]
    public async Task AReferencedHostAssemblyBringsItsNamespacesIntoEveryCell()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { References = [typeof(ScriptImportsTests).Assembly] });
        var result = await session.ExecuteAsync("ImportedMarker.Value + \" \" + JsonSerializer.Serialize(1)");
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("imported 1", Assert.Single(result.Outputs).PlainText());
    }

    [Fact]
    public async Task WithoutTheReferenceTheNamespaceIsNotImported()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("ImportedMarker.Value");
        Assert.Equal(CellStatus.Error, result.Status);
    }
}
