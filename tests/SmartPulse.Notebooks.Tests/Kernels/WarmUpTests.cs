using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

public sealed class WarmUpTests
{
    [Fact]
    public async Task Fsharp_warmed_in_the_background_runs_the_first_cell_and_lists_no_warm_up_value()
    {
        using var k = new CompositeKernel(new CompositeKernelOptions { WarmUp = ["fsharp"] });
        var r = await k.ExecuteAsync("#!fsharp\nlet xs = [ 1 .. 10 ]\nList.sum xs");
        Assert.True(r.Succeeded, r.ErrorSummary);
        Assert.Equal("55", r.Outputs.Single().PlainText());
        Assert.Equal("xs", (await k.ExecuteAsync("#!fsharp\n#!who")).Outputs.Single().PlainText());
    }

    [Fact]
    public void Warm_up_of_a_kernel_that_always_runs_is_rejected_with_the_valid_names()
    {
        var e = Assert.Throws<ArgumentException>(() => new CompositeKernel(new CompositeKernelOptions { WarmUp = ["csharp"] }));
        Assert.Contains("WarmUp names 'csharp'", e.Message);
        Assert.Contains("use fsharp or sql", e.Message);
    }
}
