using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>One language of the composite kernel: runs code, holds variables, answers completion.</summary>
internal interface ISubkernel : IDisposable
{
    /// <summary>The kernel name cells use (<c>csharp</c>, <c>sql</c>, or a <c>#!connect</c> name).</summary>
    string Name { get; }

    /// <summary>What the kernel runs, for <c>#!lsmagic</c>, <c>#!about</c> and unknown-kernel errors.</summary>
    string Description { get; }

    /// <summary>Options the kernel switch line accepts (<c>#!sql --name x</c>); empty for none.</summary>
    IReadOnlyCollection<string> SwitchOptions => [];

    /// <summary>Runs a segment; returns how it ended. Errors are added to the context as <c>error</c> outputs.</summary>
    Task<CellStatus> RunAsync(CellSegment segment, KernelContext context);

    /// <summary>Variables the kernel holds, in a stable order.</summary>
    IReadOnlyList<string> VariableNames { get; }

    /// <summary>Reads a variable.</summary>
    bool TryGetVariable(string name, out object? value);

    /// <summary>Declares a variable (the receiving side of <c>#!set</c>/<c>#!share</c>).</summary>
    Task SetVariableAsync(string name, object? value, KernelContext context);

    /// <summary>complete_reply content, or null when the kernel has no completion.</summary>
    JsonObject? Complete(string code, int cursor) => null;

    /// <summary>inspect_reply content, or null when the kernel has no inspection.</summary>
    JsonObject? Inspect(string code, int cursor, int detailLevel) => null;
}
