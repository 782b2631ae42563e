using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Tests.Execution;

public sealed class ScriptSessionTests
{
    [Fact]
    public async Task StateCarriesAcrossCellsAndTrailingExpressionIsExecuteResult()
    {
        using var session = new ScriptSession();
        var first = await session.ExecuteAsync("var x = 20;");
        var second = await session.ExecuteAsync("x + 22");

        Assert.Equal(CellStatus.Ok, first.Status);
        Assert.Empty(first.Outputs);
        var output = Assert.Single(second.Outputs);
        Assert.Equal(CellOutput.ExecuteResultType, output.OutputType);
        Assert.Equal("42", output.PlainText());
        Assert.Equal(2, output.ExecutionCount);
        Assert.Equal(2, second.ExecutionCount);
    }

    [Fact]
    public async Task DefaultImportsAreThoseOfDotNetInteractive()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("var sb = new StringBuilder(); sb.Append(new List<int> { 3, 1, 2 }.OrderBy(i => i).First()); await Task.Yield(); sb.ToString()");
        Assert.Equal("1", Assert.Single(result.Outputs).PlainText());
    }

    [Fact]
    public async Task ConsoleWritesBecomeStreamsInOrderWithDisplays()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("""
            Console.Write("a");
            Console.WriteLine("b");
            Console.Error.WriteLine("oops");
            display("shown");
            await Task.Run(() => Console.WriteLine("from task"));
            """);

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Collection(
            result.Outputs,
            o => Assert.Equal(("stdout", "ab\n"), (o.Name, o.Text)),
            o => Assert.Equal(("stderr", "oops\n"), (o.Name, o.Text)),
            o => Assert.Equal((CellOutput.DisplayDataType, "shown"), (o.OutputType, o.PlainText())),
            o => Assert.Equal(("stdout", "from task\n"), (o.Name, o.Text)));
    }

    [Fact]
    public async Task ConcurrentSessionsDoNotMixConsoleOutput()
    {
        using var a = new ScriptSession();
        using var b = new ScriptSession();
        var code = "for (var i = 0; i < 50; i++) { Console.Write(NAME); await Task.Delay(1); }";
        var results = await Task.WhenAll(a.ExecuteAsync(code.Replace("NAME", "\"a\"")), b.ExecuteAsync(code.Replace("NAME", "\"b\"")));
        Assert.Equal(new string('a', 50), Assert.Single(results[0].Outputs).Text);
        Assert.Equal(new string('b', 50), Assert.Single(results[1].Outputs).Text);
    }

    [Fact]
    public async Task DisplayExtensionAndExplicitMimeType()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("""
            42.Display();
            display("<b>bold</b>", "text/html");
            """);
        Assert.Collection(
            result.Outputs,
            o => Assert.Equal("42", o.PlainText()),
            o =>
            {
                Assert.Equal("<b>bold</b>", o.Data["text/html"]!.GetValue<string>());
                Assert.Equal("<b>bold</b>", o.PlainText());
            });
    }

    [Fact]
    public async Task HtmlContentAndPocketViewRenderAsHtml()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("""
            using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;
            display(new Microsoft.AspNetCore.Html.HtmlString("<i>x</i>"));
            b("bold")
            """);
        Assert.True(result.Succeeded, result.ErrorSummary);
        Assert.Equal("<i>x</i>", result.Outputs[0].Data["text/html"]!.GetValue<string>());
        Assert.Equal("<b>bold</b>", result.Outputs[1].Data["text/html"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormatterRegisteredByTheHostAppliesToDisplayedValues()
    {
        Formatter.Register<HostWidget>((w, writer) => writer.Write($"<widget>{w.Size}</widget>"), "text/html");
        using var session = new ScriptSession(new ScriptSessionOptions { References = [typeof(HostWidget).Assembly] });
        var result = await session.ExecuteAsync("new SmartPulse.Notebooks.Tests.Execution.HostWidget(7)");
        var output = Assert.Single(result.Outputs);
        Assert.Equal("<widget>7</widget>", output.Data["text/html"]!.GetValue<string>());
        Assert.NotNull(output.PlainText());
    }

    [Fact]
    public async Task NuGetDirectiveForAHostAssemblyBindsToTheLoadedAssembly()
    {
        Formatter.Register<HostWidget>((w, writer) => writer.Write($"<widget>{w.Size}</widget>"), "text/html");
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("""
            #r "nuget: SmartPulse.Notebooks.Tests"
            var w = new SmartPulse.Notebooks.Tests.Execution.HostWidget(3);
            w
            """);
        Assert.Equal(CellStatus.Ok, result.Status);
        // No version asked, so no "differs from the copy it carries" warning: the install line comes first.
        Assert.Equal(2, result.Outputs.Count);
        Assert.StartsWith("Installed package SmartPulse.Notebooks.Tests, ", result.Outputs[0].PlainText());
        Assert.EndsWith(" (from the host)", result.Outputs[0].PlainText());
        Assert.Equal("<widget>3</widget>", result.Outputs[1].Data["text/html"]!.GetValue<string>());

        // The script's object is of the host's type, not of a second copy of the assembly.
        Assert.True(session.TryGetVariable("w", out var w));
        Assert.IsType<HostWidget>(w);
    }

    [Fact]
    public async Task RuntimeExceptionHasCellRelativeLineInTraceback()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("var a = 1;\n\nthrow new InvalidOperationException(\"boom\");", cellName: "cell 4");
        Assert.Equal(CellStatus.Error, result.Status);
        var error = Assert.Single(result.Outputs);
        Assert.Equal("System.InvalidOperationException", error.ErrorName);
        Assert.Equal("boom", error.ErrorValue);
        Assert.Equal("System.InvalidOperationException: boom", error.Traceback[0]);
        Assert.Contains(error.Traceback, l => l.Contains("in cell 4:line 3", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        var after = await session.ExecuteAsync("a");
        Assert.Equal("1", Assert.Single(after.Outputs).PlainText());
    }

    [Fact]
    public async Task LibraryFramesKeepOnlyTheSourceFileName()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { References = [typeof(Probe).Assembly] });
        var result = await session.ExecuteAsync("SmartPulse.Notebooks.Tests.Execution.Probe.Boom();", cellName: "cell 1");
        var traceback = Assert.Single(result.Outputs).Traceback;
        Assert.Contains(traceback, l => l.Contains("Probe.Boom() in ScriptSessionTests.cs:line ", StringComparison.Ordinal));
        Assert.Contains(traceback, l => l.EndsWith("in cell 1:line 1", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, l => l.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompileErrorReportsCellRelativeLineAndColumnEvenAfterDirectives()
    {
        using var session = new ScriptSession();
        await session.ExecuteAsync("var ok = 1;");
        var result = await session.ExecuteAsync("#!time\nvar y = 2;\nvar z = y + missing;");
        Assert.Equal(CellStatus.Error, result.Status);
        var error = Assert.Single(result.Outputs);
        Assert.Equal(ErrorOutputs.CompilationError, error.ErrorName);
        Assert.Equal("(3,13): error CS0103: The name 'missing' does not exist in the current context", error.ErrorValue);
    }

    [Fact]
    public async Task OtherKernelsGetAClearNotSupportedError()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("#!fsharp\nlet x = 1");
        var error = Assert.Single(result.Outputs);
        Assert.Equal(ErrorOutputs.UnsupportedKernel, error.ErrorName);
        Assert.StartsWith("#!fsharp cells are not supported", error.ErrorValue);
    }

    [Fact]
    public async Task TimeoutAbandonsTheCellAndKeepsTheSessionUsable()
    {
        using var session = new ScriptSession();
        await session.ExecuteAsync("var before = 5;");

        // The loop never ends, so the limit always fires first, whether while the cell compiles or while it loops.
        var result = await session.ExecuteAsync("var inside = 1; while (true) { System.Threading.Thread.Sleep(10); }", timeout: TimeSpan.FromMilliseconds(200));
        Assert.Equal(CellStatus.TimedOut, result.Status);
        Assert.Equal(ErrorOutputs.TimeoutError, result.Outputs[^1].ErrorName);
        Assert.Contains("did not finish within 0.2 s", result.Outputs[^1].ErrorValue, StringComparison.Ordinal);

        // The session goes on from the state before the cell: its variable exists, the timed-out cell's does not.
        var after = await session.ExecuteAsync("before");
        Assert.Equal("5", Assert.Single(after.Outputs).PlainText());
        var missing = await session.ExecuteAsync("inside");
        Assert.Equal(CellStatus.Error, missing.Status);
    }

    [Fact]
    public async Task OutputWrittenBeforeAnInterruptIsKept()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { References = [typeof(Probe).Assembly] });
        using var started = new ManualResetEventSlim();
        Probe.Started = started;
        using var cancel = new CancellationTokenSource();

        // The cell prints, then signals, then loops forever; the test interrupts it only after the signal, so the
        // printed line is there whatever the machine's speed.
        var running = session.ExecuteAsync(
            "Console.WriteLine(\"start\"); SmartPulse.Notebooks.Tests.Execution.Probe.Started!.Set(); while (true) { System.Threading.Thread.Sleep(10); }",
            cancellationToken: cancel.Token);
        var signalled = Task.Run(() => started.Wait(TimeSpan.FromMinutes(5)));
        Assert.Same(signalled, await Task.WhenAny(running, signalled));
        Assert.True(await signalled, "the cell never reached its loop");
        await cancel.CancelAsync();

        var result = await running;
        Assert.Equal(CellStatus.Cancelled, result.Status);
        Assert.Equal("start\n", result.Outputs[0].Text);
        Assert.Equal("OperationCanceledException", result.Outputs[^1].ErrorName);
        Assert.Equal(CellStatus.Ok, (await session.ExecuteAsync("1")).Status);
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("1 + 1", true)]
    [InlineData("#r \"nuget: X\"", true)]
    [InlineData("if (true) {", false)]
    [InlineData("var s = \"\"\"\nopen", false)]
    public void IsCompleteSubmissionFollowsTheSyntaxTree(string code, bool complete) =>
        Assert.Equal(complete, ScriptSession.IsCompleteSubmission(code));

    [Fact]
    public async Task CompilationOfTheNextSubmissionSeesEarlierCells()
    {
        using var session = new ScriptSession();
        await session.ExecuteAsync("var customerCount = 12;");
        var code = "customerCount.";
        var compilation = session.GetCompilation(code);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = model.LookupSymbols(code.Length - 1).Select(s => s.Name).ToList();
        Assert.Contains("customerCount", symbols);
        Assert.Contains("display", symbols);
    }

    [Fact]
    public async Task ATimedOutLoopReallyStopsAndLineNumbersSurviveInstrumentation()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { References = [typeof(Probe).Assembly] });
        using var stopped = new ManualResetEventSlim();
        Probe.Stopped = stopped;

        // The loop has no exit of its own: only the cancellation check the engine puts at the top of every loop body
        // ends it, and then its finally block signals. No timing decides the outcome: if the limit fires while the
        // cell still compiles, the loop stops at its first iteration; without the check the signal never comes.
        var result = await session.ExecuteAsync(
            "try { for (var i = 0; ; i++) { System.Threading.Thread.Sleep(5); } } finally { SmartPulse.Notebooks.Tests.Execution.Probe.Stopped!.Set(); }",
            timeout: TimeSpan.FromMilliseconds(200));
        Assert.Equal(CellStatus.TimedOut, result.Status);
        Assert.True(await Task.Run(() => stopped.Wait(TimeSpan.FromMinutes(5))), "the timed-out loop is still running");

        var error = await session.ExecuteAsync("var items = new[] { 1, 2 };\nforeach (var item in items)\n    if (item == 2)\n        throw new Exception(\"two\");", cellName: "cell 9");
        Assert.Contains(error.Outputs[0].Traceback, l => l.EndsWith("in cell 9:line 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancellationEndsALoopingCellAsCancelled()
    {
        using var session = new ScriptSession();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var result = await session.ExecuteAsync("while (true) { }", cancellationToken: cts.Token);
        Assert.Equal(CellStatus.Cancelled, result.Status);
        var after = await session.ExecuteAsync("1");
        Assert.Equal(CellStatus.Ok, after.Status);
    }

    [Fact]
    public async Task TimeDirectiveReportsWallTime()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("#!time\nvar q = 1;");
        Assert.StartsWith("Wall time: ", Assert.Single(result.Outputs).PlainText());
    }
}

public sealed record HostWidget(int Size);

/// <summary>What test cells reach through the test assembly: signals the tests wait on, and a throwing method.</summary>
public static class Probe
{
    /// <summary>Set by a cell when it has printed and is about to loop (<see cref="ScriptSessionTests.OutputWrittenBeforeAnInterruptIsKept"/>).</summary>
    public static ManualResetEventSlim? Started;

    /// <summary>Set by a cell's finally block when its loop has ended.</summary>
    public static ManualResetEventSlim? Stopped;

    public static void Boom() => throw new ArgumentException("bad value");
}
