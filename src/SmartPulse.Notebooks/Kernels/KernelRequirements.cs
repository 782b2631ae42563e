using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// What a notebook needs from the machine beyond this engine: the Jupyter kernelspecs its
/// <c>#!connect jupyter --kernel-spec SPEC</c> lines name. The runner skips a notebook whose kernelspec
/// is missing (with the reason and the install command) instead of failing it midway.
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

    /// <summary>The kernelspecs the notebook needs that are not installed here.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="specDirectories">Extra kernelspec folders searched first; null for none.</param>
    /// <returns>Missing kernelspec names.</returns>
    public static IReadOnlyList<string> MissingKernelSpecs(Notebook notebook, IReadOnlyList<string>? specDirectories = null) =>
        [.. JupyterKernelSpecs(notebook).Where(s => Client.KernelSpecCatalog.Find(s, specDirectories) is null)];
}
