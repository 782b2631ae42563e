using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>The <c>csharp</c> subkernel: the Roslyn <see cref="ScriptSession"/>.</summary>
internal sealed class CSharpSubkernel(ScriptSession session) : ISubkernel
{
    private CSharpLanguageService? _language;

    public ScriptSession Session => session;

    public string Name => "csharp";

    public string Description => $"C# {CSharpLanguageService.LanguageVersionText} (Roslyn scripting)";

    public IReadOnlyList<string> VariableNames => session.VariableNames;

    private CSharpLanguageService Language => _language ??= new CSharpLanguageService(session);

    public async Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        var result = await session.ExecuteWithCountAsync(segment.Code, context.Forward, context.Timeout, context.CellName, context.ExecutionCount, context.CancellationToken).ConfigureAwait(false);
        return result.Status;
    }

    public bool TryGetVariable(string name, out object? value) => session.TryGetVariable(name, out value);

    public Task SetVariableAsync(string name, object? value, KernelContext context) => session.SetVariableAsync(name, value, context.CancellationToken);

    public JsonObject? Complete(string code, int cursor) => Language.Complete(code, cursor);

    public JsonObject? Inspect(string code, int cursor, int detailLevel) => Language.Inspect(code, cursor, detailLevel);

    public void Dispose() => session.Dispose();
}
