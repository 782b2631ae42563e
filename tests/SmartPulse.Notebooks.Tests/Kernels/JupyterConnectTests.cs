using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

public sealed class JupyterConnectTests
{
    private static async Task<CellExecutionResult> Ok(CompositeKernel k, string code, string? kernel = null)
    {
        var r = await k.ExecuteAsync(code, kernelName: kernel);
        Assert.True(r.Succeeded, r.ErrorSummary + " " + string.Join("\n", r.Error?.Traceback ?? []));
        return r;
    }

    [PythonKernelFact]
    public async Task Python_cells_share_values_both_ways_and_fail_cleanly()
    {
        using var k = new CompositeKernel(new CompositeKernelOptions { Session = new ScriptSessionOptions { References = [typeof(DataFrame).Assembly] } });
        var c = await Ok(k, "#!connect jupyter --kernel-name python --kernel-spec python3");
        Assert.StartsWith("Kernel added: #!python (Jupyter kernel 'python3' (python 3.", c.Outputs.Single().PlainText());

        var r = await Ok(k, "#!python\nprint('hi')\n6 * 7");
        Assert.Equal("hi\n", r.Outputs[0].Text);
        Assert.Equal("42", r.Outputs[1].PlainText());

        // C# DataFrame -> pandas -> back.
        await Ok(k, """
            using Microsoft.Data.Analysis;
            var df = new DataFrame(new StringDataFrameColumn("g", new[] { "a", "b", "a" }), new DoubleDataFrameColumn("v", new[] { 1.5, 2.0, 3.5 }));
            var ks = new[] { 1, 2, 3 };
            """);
        var py = await Ok(k, "#!python\n#!share --from csharp df\n#!share --from csharp ks\nsums = df.groupby('g')['v'].sum().reset_index()\ntotal = float(df['v'].sum()) + sum(ks)\nprint(type(df).__name__, total)");
        Assert.Equal("DataFrame 13.0\n", py.Outputs.Single().Text);
        await Ok(k, "#!share --from python sums\n#!share --from python total\nvar a = (double)sums.Columns[\"v\"][0]; var n = sums.Rows.Count;");
        Assert.True(k.TryGetVariable("csharp", "a", out var a));
        Assert.Equal(5.0, a);
        Assert.True(k.TryGetVariable("csharp", "total", out var total));
        Assert.Equal(13.0, total);
        await Ok(k, "#!python\nimport numpy as np\narr = np.array([1.0, 2.5])");
        await Ok(k, "#!share --from python arr");
        Assert.True(k.TryGetVariable("csharp", "arr", out var arr));
        Assert.Equal(new[] { 1.0, 2.5 }, arr);

        // Who lists Python variables; completion and inspect are forwarded.
        Assert.Contains("sums", (await Ok(k, "#!python\n#!who")).Outputs.Single().PlainText());
        var completion = k.Complete("#!python\nsu", 11);
        Assert.Contains("sums", completion["matches"]!.AsArray().Select(m => m!.GetValue<string>()));

        // A Python exception: its traceback.
        var e = await k.ExecuteAsync("#!python\n1 / 0");
        Assert.Equal(CellStatus.Error, e.Status);
        Assert.Equal("ZeroDivisionError", e.Error!.ErrorName);
        Assert.Contains(e.Error.Traceback, t => t.Contains("ZeroDivisionError", StringComparison.Ordinal));
        Assert.DoesNotContain(e.Error.Traceback, t => t.Contains('\u001b', StringComparison.Ordinal));

        // Missing variable lists Python's variables too.
        var missing = await k.ExecuteAsync("#!share --from python nope");
        Assert.Contains("python: arr, df, ks, sums, total", missing.Error!.ErrorValue);

        // A kernel that dies is reported, and later cells fail cleanly.
        var dead = await k.ExecuteAsync("#!python\nimport os\nos._exit(3)");
        Assert.Equal(CellStatus.Error, dead.Status);
        Assert.Contains("died", dead.Error!.ErrorValue);
        var after = await k.ExecuteAsync("#!python\n1");
        Assert.Contains("died", after.Error!.ErrorValue);
    }

    [Fact]
    public async Task Missing_kernelspec_names_the_install_command()
    {
        using var k = new CompositeKernel();
        var r = await k.ExecuteAsync("#!connect jupyter --kernel-name r --kernel-spec no-such-spec");
        Assert.Equal(CellStatus.Error, r.Status);
        Assert.Contains("No Jupyter kernelspec named 'no-such-spec' is installed", r.Error!.ErrorValue);
        Assert.Contains("jupyter kernelspec list", r.Error.ErrorValue);
    }
}
