using System.CommandLine;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel uninstall [--user | --prefix DIR] [--name .net-csharp]</c>: removes the
/// kernelspec folder written by <c>install</c>. Exit 1 when there is none.
/// </summary>
public static class KernelUninstallCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">Where the result is written.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var user = new Option<bool>("--user") { Description = "Remove from the user's Jupyter data directory (the default)." };
        var prefix = new Option<string?>("--prefix") { Description = "Remove from DIR/share/jupyter/kernels." };
        var name = new Option<string>("--name") { Description = "The kernel name.", DefaultValueFactory = _ => KernelSpec.DefaultName };
        var command = new Command("uninstall", "Remove the C# (SmartPulse) kernelspec.") { user, prefix, name };
        command.SetAction(parse => Run(parse.GetValue(user), parse.GetValue(prefix), parse.GetValue(name)!, console));
        return command;
    }

    /// <summary>Removes the kernelspec.</summary>
    /// <param name="user">--user was given.</param>
    /// <param name="prefix">--prefix, or null.</param>
    /// <param name="name">The kernel name.</param>
    /// <param name="console">Where messages go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(bool user, string? prefix, string name, CliConsole console)
    {
        if (KernelSpecLocation.Resolve(user, prefix, name, console) is not { } directory)
        {
            return CommandLine.UsageError;
        }

        if (!File.Exists(Path.Combine(directory, "kernel.json")))
        {
            console.Error.WriteLine($"error: no kernelspec '{name}' at {directory}; nothing removed.");
            return CommandLine.Failed;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot remove {directory}: {e.Message}");
            return CommandLine.Failed;
        }

        console.Out.WriteLine($"removed kernelspec '{name}' from {directory}");
        return CommandLine.Ok;
    }
}
