using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Tests.Kernel;

public sealed class KernelSpecTests
{
    [Fact]
    public void SpecDeclaresCSharpMessageInterruptsAndTheArgv()
    {
        var spec = KernelSpec.Create(["/usr/share/dotnet/dotnet", "/opt/smartpulse/smartpulse.dll", "kernel", "{connection_file}"]);

        Assert.Equal("C# (SmartPulse)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        Assert.Equal("{connection_file}", spec["argv"]!.AsArray()[^1]!.GetValue<string>());
        Assert.True(KernelSpec.SameAs(KernelSpec.ToText(spec), spec));
        Assert.False(KernelSpec.SameAs("""{"argv": ["python3"], "display_name": "Other"}""", spec));
        Assert.False(KernelSpec.SameAs("not json", spec));
    }

    [Theory]
    [InlineData(".net-csharp", true)]
    [InlineData("smartpulse_2.0", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("../escape", false)]
    public void KernelNamesFollowJupytersRules(string name, bool valid)
    {
        Assert.Equal(valid, KernelSpec.ValidateName(name) is null);
    }

    [Fact]
    public void PrefixInstallsUnderShareJupyterKernels()
    {
        var dir = KernelSpec.Directory(".net-csharp", "/tmp/env");
        Assert.Equal(Path.GetFullPath("/tmp/env/share/jupyter/kernels/.net-csharp"), dir);
        Assert.EndsWith(Path.Combine("kernels", "x"), KernelSpec.Directory("x", null), StringComparison.Ordinal);
    }

    [Fact]
    public void KernelInfoDeclaresProtocol53AndCSharp()
    {
        var info = JupyterKernel.KernelInfo();
        Assert.Equal("5.3", info["protocol_version"]!.GetValue<string>());
        var language = info["language_info"]!.AsObject();
        Assert.Equal("C#", language["name"]!.GetValue<string>());
        Assert.Equal(".cs", language["file_extension"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", language["mimetype"]!.GetValue<string>());
        Assert.NotEmpty(info["help_links"]!.AsArray());
        Assert.Contains("SmartPulse", info["banner"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.IsType<JsonArray>(info["help_links"]);
    }
}
