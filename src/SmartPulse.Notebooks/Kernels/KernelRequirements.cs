using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// What a notebook needs beyond the C# kernel: the Jupyter kernelspecs its
/// <c>#!connect jupyter --kernel-spec SPEC</c> lines name (the runner skips a notebook whose kernelspec
/// is missing, with the reason and the install command, instead of failing it midway), and the
/// subkernels that start on first use which its cells run in (the runner asks the kernel to start
/// those in the background at once, <see cref="WarmUpKernels"/>).
/// </summary>
public static class KernelRequirements
{
    /// <summary>The kernelspec names the notebook connects to, in order of first use.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>Distinct kernelspec names.</returns>
    public static IReadOnlyList<string> JupyterKernelSpecs(Notebook notebook)
    {
        var specs = new List<string>();
        foreach (var cell in notebook.Cells.Where(c => c.CellType == CellType.Code))
        {
            foreach (var line in cell.Source.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("#!connect", StringComparison.Ordinal)))
            {
                var magic = MagicCommand.Parse(line, 1);
                if (magic.Name == "connect" && magic.Tokens.FirstOrDefault() == "jupyter")
                {
                    try
                    {
                        if (magic.Option("--kernel-spec") is { } spec && !specs.Contains(spec, StringComparer.Ordinal))
                        {
                            specs.Add(spec);
                        }
                    }
                    catch (MagicException)
                    {
                        // A malformed line fails when the cell runs, with its own message.
                    }
                }
            }
        }
        return specs;
    }

    /// <summary>
    /// The subkernels of <see cref="WarmableKernels"/> that the notebook's code cells run in, by cell metadata
    /// (<c>polyglot_notebook.kernelName</c>) or by a <c>#!fsharp</c> / <c>#!f#</c> / <c>#!sql</c> line (first line or
    /// a switch mid-cell), in order of first use. A kernel given these in <see cref="CompositeKernelOptions.WarmUp"/>
    /// starts them while earlier cells run, so the first F# cell does not pay F# Interactive's start.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>Distinct canonical kernel names (<c>fsharp</c>, <c>sql</c>).</returns>
    public static IReadOnlyList<string> WarmUpKernels(Notebook notebook)
    {
        var kernels = new List<string>();
        static bool IsKernel(string name) => KernelNames.IsKnown(name) && KernelNames.Normalize(name) != "value";
        foreach (var cell in notebook.Cells.Where(c => c.CellType == CellType.Code))
        {
            List<CellSegment> segments;
            try
            {
                segments = CellSegment.Split(cell.Source, cell.KernelName, IsKernel);
            }
            catch (MagicException)
            {
                // A malformed magic line fails when the cell runs, with its own message.
                continue;
            }

            foreach (var name in segments.Select(s => KernelNames.Normalize(s.KernelName)).Prepend(cell.KernelName))
            {
                if (WarmableKernels.Contains(name) && !kernels.Contains(name))
                {
                    kernels.Add(name);
                }
            }
        }

        return kernels;
    }

    /// <summary>The kernels <see cref="CompositeKernelOptions.WarmUp"/> accepts: those that start on first use.</summary>
    public static IReadOnlyList<string> WarmableKernels { get; } = ["fsharp", "sql"];

    /// <summary>The kernelspecs the notebook needs that are not installed here.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="specDirectories">Extra kernelspec folders searched first; null for none.</param>
    /// <returns>Missing kernelspec names.</returns>
    public static IReadOnlyList<string> MissingKernelSpecs(Notebook notebook, IReadOnlyList<string>? specDirectories = null) =>
        [.. JupyterKernelSpecs(notebook).Where(s => Client.KernelSpecCatalog.Find(s, specDirectories) is null)];
}
