using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A kernel whose cell text is itself the output: <c>html</c> (<c>text/html</c>), <c>javascript</c>
/// (<c>application/javascript</c>), <c>markdown</c> (<c>text/markdown</c>) and <c>mermaid</c>
/// (<c>text/vnd.mermaid</c> plus an HTML fallback). It holds no variables.
/// </summary>
internal sealed class MimeSubkernel(string name, string description, Func<string, JsonObject> render) : ISubkernel
{
    public string Name => name;

    public string Description => description;

    public IReadOnlyList<string> VariableNames => [];

    public Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        var text = Trim(segment.Code);
        if (text.Length > 0)
        {
            context.Display(render(text));
        }
        return Task.FromResult(CellStatus.Ok);
    }

    public bool TryGetVariable(string variable, out object? value)
    {
        value = null;
        return false;
    }

    public Task SetVariableAsync(string variable, object? value, KernelContext context) =>
        throw new MagicException($"The {name} kernel holds no variables; share '{variable}' into csharp, fsharp, sql or value instead.");

    public void Dispose()
    {
    }

    /// <summary>Drops the blank lines that stand for the kernel switch and magics, and trailing blanks.</summary>
    internal static string Trim(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return string.Join('\n', lines);
    }
}
