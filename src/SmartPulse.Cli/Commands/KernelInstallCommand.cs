using System.CommandLine;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel install [--user | --prefix DIR] [--name .net-csharp] [--force] [--warm-up fsharp,sql]</c>: writes
/// the kernelspec (<c>kernel.json</c>: argv starting this tool with <c>kernel {connection_file}</c>, plus
/// <c>--warm-up</c> when given: a Jupyter front end does not tell the kernel which languages a notebook uses, so by
/// default F# and SQL start on first use; a kernelspec for F# notebooks can start F# Interactive at kernel start),
/// display name "C# (SmartPulse)", language C#, interrupt mode "message"). Without
/// <c>--prefix</c> it goes to the user's Jupyter data directory. A different existing kernelspec of
/// the same name is kept unless <c>--force</c> is given (exit 1). Prints where it wrote.
/// </summary>
public static class KernelInstallCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">Where the result is written.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default): JUPYTER_DATA_DIR or ~/.local/share/jupyter/kernels." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into DIR/share/jupyter/kernels (for a virtual environment, or a test's JUPYTER_PATH)." };
        var name = new Option<string>("--name") { Description = "The kernel name; .net-csharp makes .NET Interactive notebooks open with this kernel.", DefaultValueFactory = _ => KernelSpec.DefaultName };
        var force = new Option<bool>("--force") { Description = "Replace an existing, different kernelspec of the same name." };
        var warmUp = new Option<string?>(SmartPulse.Notebooks.Client.KernelLaunch.WarmUpOption)
        {
            Description = "Kernels the installed kernel starts in the background at once (fsharp, sql; comma-separated): for front ends whose notebooks use F# or SQL. Without it they start on first use.",
        };
        var command = new Command("install", "Install the C# (SmartPulse) kernelspec so Jupyter, VS Code and nbconvert can start this kernel.") { user, prefix, name, force, warmUp };
        command.SetAction(parse => Run(parse.GetValue(user), parse.GetValue(prefix), parse.GetValue(name)!, parse.GetValue(force), console, parse.GetValue(warmUp)));
        return command;
    }

    /// <summary>Installs the kernelspec.</summary>
    /// <param name="user">--user was given.</param>
    /// <param name="prefix">--prefix, or null.</param>
    /// <param name="name">The kernel name.</param>
    /// <param name="force">Overwrite a different spec.</param>
    /// <param name="console">Where messages go.</param>
    /// <param name="warmUp">The <c>--warm-up</c> value (comma-separated kernel names), or null.</param>
    /// <returns>The exit code.</returns>
    public static int Run(bool user, string? prefix, string name, bool force, CliConsole console, string? warmUp = null)
    {
        var warm = (warmUp ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SmartPulse.Notebooks.Documents.KernelNames.Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (warm.FirstOrDefault(k => !SmartPulse.Notebooks.Kernels.KernelRequirements.WarmableKernels.Contains(k)) is { } unknown)
        {
            console.Error.WriteLine($"error: --warm-up {unknown}: only kernels that start on first use can be warmed up: {string.Join(", ", SmartPulse.Notebooks.Kernels.KernelRequirements.WarmableKernels)}.");
            return CommandLine.UsageError;
        }

        if (KernelSpecLocation.Resolve(user, prefix, name, console) is not { } directory)
        {
            return CommandLine.UsageError;
        }

        var file = Path.Combine(directory, "kernel.json");
        var argv = KernelLaunchCommand.Argv();
        var spec = KernelSpec.Create(warm.Count == 0 ? argv : [.. argv, SmartPulse.Notebooks.Client.KernelLaunch.WarmUpOption, string.Join(',', warm)]);
        try
        {
            if (File.Exists(file))
            {
                var existing = File.ReadAllText(file);
                if (KernelSpec.SameAs(existing, spec))
                {
                    console.Out.WriteLine($"kernelspec '{name}' is already installed at {directory} (unchanged)");
                    return CommandLine.Ok;
                }

                if (!force)
                {
                    console.Error.WriteLine($"error: a different kernelspec '{name}' already exists at {file}; it was left as it is. Pass --force to replace it, or --name to install under another name.");
                    return CommandLine.Failed;
                }
            }

            // Written next to the target and renamed, so a replaced kernelspec is never left half-written.
            Directory.CreateDirectory(directory);
            SmartPulse.Files.AtomicFile.WriteText(file, KernelSpec.ToText(spec), force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write {file}: {e.Message}");
            return CommandLine.Failed;
        }

        console.Out.WriteLine($"installed kernelspec '{name}' ({KernelSpec.DisplayName}) in {directory}");
        console.Out.WriteLine($"  argv: {string.Join(' ', spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()))}");
        if (prefix is not null)
        {
            console.Out.WriteLine($"  Jupyter finds it when JUPYTER_PATH includes {Path.GetFullPath(Path.Combine(prefix, "share", "jupyter"))} (or when {Path.GetFullPath(prefix)} is the environment's prefix).");
        }

        return CommandLine.Ok;
    }
}
