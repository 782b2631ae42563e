using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Tests.Execution;

/// <summary>
/// A cell with loops is compiled once, with a cancellation check at the start of each loop body; only a cell that
/// fails to compile is compiled again as written, so its errors keep the cell's own line and column.
/// </summary>
public sealed class LoopCellTests
{
    [Fact]
    public async Task ACompileErrorOnTheLineOfALoopBodyKeepsTheCellsColumn()
    {
        using var session = new ScriptSession();

        // The check is inserted right after '{' on line 1, which would shift the column of "s" (39, counted by hand).
        var result = await session.ExecuteAsync("var n = 0;\nfor (var i = 0; i < 3; i++) { int x = \"s\"; }");
        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Equal("(2,39): error CS0029: Cannot implicitly convert type 'string' to 'int'", Assert.Single(result.Outputs).ErrorValue);
    }

    [Fact]
    public async Task ALoopCellRunsOnceAndKeepsItsVariables()
    {
        using var session = new ScriptSession();
        var result = await session.ExecuteAsync("var n = 0;\nforeach (var i in new[] { 1, 2, 3 }) { n += i; }\nwhile (n < 10) n++;\nConsole.Write(n);\nn");
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("10", result.Outputs[0].Text);
        Assert.Equal("10", result.Outputs[1].PlainText());
        Assert.Equal("10", Assert.Single((await session.ExecuteAsync("n")).Outputs).PlainText());
    }
}
