using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

/// <summary>One composite kernel for the F# tests: F# Interactive takes seconds to start.</summary>
public sealed class FSharpKernelFixture : IDisposable
{
    public CompositeKernel Kernel { get; } = new();

    public void Dispose() => Kernel.Dispose();
}

public sealed class FSharpKernelTests(FSharpKernelFixture fixture) : IClassFixture<FSharpKernelFixture>
{
    private CompositeKernel K => fixture.Kernel;

    [Fact]
    public async Task Fsharp_values_results_errors_sharing_and_completion()
    {
        // Value and trailing expression.
        var a = await K.ExecuteAsync("#!fsharp\nlet xs = [1; 2; 3]\nprintfn \"n=%d\" xs.Length\nList.sum xs");
        Assert.True(a.Succeeded, a.ErrorSummary);
        Assert.Equal("n=3\n", a.Outputs[0].Text);
        Assert.Equal("6", a.Outputs[1].PlainText());
        Assert.Equal("execute_result", a.Outputs[1].OutputType);

        // Metadata routing (no switch line) and the value persists.
        var b = await K.ExecuteAsync("xs |> List.map (fun x -> x * 10) |> List.sum", kernelName: "fsharp");
        Assert.Equal("60", b.Outputs.Single().PlainText());

        // Compile error with the cell's line and column (line 3: the switch line counts).
        var e = await K.ExecuteAsync("#!fsharp\nlet ok = 1\nlet bad : int = \"text\"");
        Assert.Equal(CellStatus.Error, e.Status);
        Assert.Equal("CompilationError", e.Error!.ErrorName);
        Assert.StartsWith("(3,17): error FS0001:", e.Error.ErrorValue);

        // Runtime exception.
        var x = await K.ExecuteAsync("#!fsharp\nlet explode () : int = failwith \"boom\"\nexplode ()");
        Assert.Equal(CellStatus.Error, x.Status);
        Assert.Contains("boom", x.Error!.ErrorValue);

        // C# -> F# and F# -> C#.
        await K.ExecuteAsync("var fromCs = new[] { 1.5, 2.5 };");
        var s = await K.ExecuteAsync("#!fsharp\n#!share --from csharp fromCs\nArray.sum fromCs");
        Assert.True(s.Succeeded, s.ErrorSummary);
        Assert.Equal("4", s.Outputs.Single().PlainText());
        var back = await K.ExecuteAsync("#!share --from fsharp xs --as fsList\nSystem.Linq.Enumerable.Count(fsList)");
        Assert.True(back.Succeeded, back.ErrorSummary);
        Assert.Equal("3", back.Outputs.Single().PlainText());

        // #!who in F#, completion through FCS.
        Assert.Contains("xs", (await K.ExecuteAsync("#!fsharp\n#!who")).Outputs.Single().PlainText());
        var completion = K.Complete("List.su", 7, "fsharp");
        Assert.Contains("sum", completion["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(5, completion["cursor_start"]!.GetValue<int>());
    }
}
