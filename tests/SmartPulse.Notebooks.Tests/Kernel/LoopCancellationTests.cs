using System.Diagnostics;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Tests.Kernel;

public sealed class LoopCancellationTests
{
    [Fact]
    public void EveryLoopBodyGetsACheckWithoutNewLines()
    {
        const string code = "#!time\nwhile (true) { }\nfor (;;) x++;\ndo { } while (false);\nforeach (var v in items) Use(v);\nvar s = \"while (true) {}\";";
        var rewritten = LoopCancellationRewriter.Rewrite(code);

        Assert.Equal(code.Count(c => c == '\n'), rewritten.Count(c => c == '\n'));
        Assert.Equal(4, CountOf(rewritten, LoopCancellationRewriter.Check));
        Assert.StartsWith("#!time\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("for (;;) {" + LoopCancellationRewriter.Check + "x++;}", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"while (true) {}\"", rewritten, StringComparison.Ordinal);
        Assert.Equal("var x = 1;", LoopCancellationRewriter.Rewrite("var x = 1;"));
    }

    [Fact]
    public async Task AnInterruptedInfiniteLoopStopsAndTheSessionStaysUsable()
    {
        using var session = new ScriptSession();
        await session.ExecuteAsync("long spins = 0; int before = 41;");
        using var cancellation = new CancellationTokenSource();
        SmartPulse.Notebooks.Kernel.CellCancellation.Enter(cancellation.Token);
        var run = session.ExecuteAsync(LoopCancellationRewriter.Rewrite("while (true) { spins++; }"), cancellationToken: cancellation.Token);
        await Task.Delay(500);
        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var result = await run;
        Assert.Equal(CellStatus.Cancelled, result.Status);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));

        SmartPulse.Notebooks.Kernel.CellCancellation.Enter(CancellationToken.None);
        var after = await session.ExecuteAsync("var a = spins; System.Threading.Thread.Sleep(300); $\"{spins - a},{before + 1}\"");
        Assert.True(after.Succeeded, after.ErrorSummary);
        Assert.Equal("0,42", after.Outputs.Single().PlainText());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
