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
}
