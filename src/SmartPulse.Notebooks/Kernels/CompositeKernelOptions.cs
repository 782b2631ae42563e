using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>Settings of a <see cref="CompositeKernel"/>.</summary>
public sealed record CompositeKernelOptions
{
    /// <summary>Settings of the C# subkernel's script session; its <see cref="ScriptSessionOptions.BaseDirectory"/> is also where <c>#!value --from-file</c>, <c>#!connect duckdb --path</c> and F# <c>#r</c> paths are resolved.</summary>
    public ScriptSessionOptions Session { get; init; } = new();

    /// <summary>
    /// Answers <c>@input:"prompt"</c> / <c>@password:"prompt"</c> in <c>#!set --value</c> (the Jupyter kernel asks
    /// the front end through stdin); null where nobody can answer (the headless runner), which makes such cells fail
    /// with a message saying to pass the value as a parameter instead. Arguments: prompt, whether it is a password.
    /// </summary>
    public Func<string, bool, string?>? Input { get; init; }

    /// <summary>Where connected Jupyter kernels look for kernelspecs besides the standard Jupyter paths; null for none.</summary>
    public IReadOnlyList<string>? KernelSpecDirectories { get; init; }

    /// <summary>
    /// Kernels that start on first use but should start in the background as soon as the composite kernel is
    /// created: <c>fsharp</c> (F# Interactive takes seconds to start; its first evaluation is warmed too) and
    /// <c>sql</c>. A cell for one of them waits for that start instead of starting it again. Empty by default, so
    /// a C#-only notebook pays nothing.
    /// </summary>
    public IReadOnlyList<string> WarmUp { get; init; } = [];
}
