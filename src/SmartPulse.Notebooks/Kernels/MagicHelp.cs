namespace SmartPulse.Notebooks.Kernels;

/// <summary>Usage texts shown by <c>-h</c> and <c>#!lsmagic</c> (the options are .NET Interactive's).</summary>
internal static class MagicHelp
{
    public static readonly IReadOnlyDictionary<string, (string Summary, string Usage)> Magics = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["about"] = ("Show information about the engine and its kernels", "#!about"),
        ["connect"] = ("Connect a kernel: duckdb (a named SQL kernel), sqlite (an SQLite database) or jupyter (any installed Jupyter kernel)",
            "#!connect duckdb --kernel-name <name> [--path <file.duckdb>]\n#!connect sqlite --kernel-name <name> --connection-string \"Data Source=<file.db>\"\n#!connect jupyter --kernel-name <name> --kernel-spec <spec>   (e.g. python3; list them with `jupyter kernelspec list`)"),
        ["lsmagic"] = ("List the magic commands and kernels", "#!lsmagic"),
        ["set"] = ("Set a variable in the current kernel",
            "#!set --name <name> --value <value> [--mime-type <type>] [--byref]\n"
            + "  --value  a literal (text), @<kernel>:<variable> (another kernel's variable), @input:\"prompt\" or @password:\"prompt\"\n"
            + "  --mime-type  application/json parses the literal as JSON; text/plain (or another) shares the formatted text\n"
            + "  --byref  share the object itself between .NET kernels (the default for @kernel values here)"),
        ["share"] = ("Get a variable from another kernel into the current one",
            "#!share --from <kernel> <variable> [--as <name>] [--mime-type <type>]"),
        ["time"] = ("Time the cell's execution (any kernel)", "#!time"),
        ["value"] = ("Store the cell's text (or a file) as a value for #!share",
            "#!value --name <name> [--from-file <path>] [--mime-type <type>]"),
        ["who"] = ("List the variables of the current kernel", "#!who"),
        ["whos"] = ("List the variables of the current kernel with their types and values", "#!whos"),
    };

    public static string For(string magic) =>
        Magics.TryGetValue(magic, out var help) ? $"#!{magic}: {help.Summary}\n\nUsage:\n{help.Usage}" : $"#!{magic}: no help";

    public static string ForKernel(ISubkernel kernel)
    {
        var options = kernel.SwitchOptions.Count == 0 ? "" : " [" + string.Join("] [", kernel.SwitchOptions.Select(o => o + " <value>")) + "]";
        return $"#!{kernel.Name}: run the cell (or the lines below this switch) in the {kernel.Name} kernel — {kernel.Description}\n\nUsage:\n#!{kernel.Name}{options}";
    }
}
