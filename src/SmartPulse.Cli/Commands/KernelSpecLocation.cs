using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Cli.Commands;

/// <summary>The option checks <c>kernel install</c> and <c>kernel uninstall</c> share: --user/--prefix exclusivity, the name, the target folder.</summary>
internal static class KernelSpecLocation
{
    /// <summary>The kernelspec folder for the options, or null after printing the usage error.</summary>
    public static string? Resolve(bool user, string? prefix, string name, CliConsole console)
    {
        if (user && prefix is not null)
        {
            console.Error.WriteLine("error: --user and --prefix exclude each other: pick one (the default is --user).");
            return null;
        }

        if (KernelSpec.ValidateName(name) is { } invalid)
        {
            console.Error.WriteLine($"error: {invalid}");
            return null;
        }

        return KernelSpec.Directory(name, prefix);
    }
}
