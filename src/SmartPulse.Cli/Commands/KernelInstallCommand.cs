using System.CommandLine;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel install [--user | --prefix DIR] [--name .net-csharp] [--force]</c>: writes
/// the kernelspec (<c>kernel.json</c>: argv starting this tool with <c>kernel {connection_file}</c>,
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
        var command = new Command("install", "Install the C# (SmartPulse) kernelspec so Jupyter, VS Code and nbconvert can start this kernel.") { user, prefix, name, force };
        command.SetAction(parse => Run(parse.GetValue(user), parse.GetValue(prefix), parse.GetValue(name)!, parse.GetValue(force), console));
        return command;
    }

    /// <summary>Installs the kernelspec.</summary>
    /// <param name="user">--user was given.</param>
    /// <param name="prefix">--prefix, or null.</param>
    /// <param name="name">The kernel name.</param>
    /// <param name="force">Overwrite a different spec.</param>
    /// <param name="console">Where messages go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(bool user, string? prefix, string name, bool force, CliConsole console)
    {
        if (KernelSpecLocation.Resolve(user, prefix, name, console) is not { } directory)
        {
            return CommandLine.UsageError;
        }

        var file = Path.Combine(directory, "kernel.json");
        var spec = KernelSpec.Create(KernelLaunchCommand.Argv());
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
