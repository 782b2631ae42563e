using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using SmartPulse.Analysis.Data;
using SmartPulse.Files;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse notebooks list</c> and <c>smartpulse notebooks copy DIR [--force]</c>: the walkthrough notebooks travel
/// inside the tool; <c>copy</c> writes them to <c>DIR/notebooks</c> and the four datasets (byte-identical, from
/// SmartPulse.Analysis) to <c>DIR/data</c>, the layout the walkthroughs expect, so
/// <c>cd DIR &amp;&amp; smartpulse run notebooks</c> works anywhere. Files that exist with other content are kept
/// (exit 1) unless <c>--force</c>.
/// </summary>
public static class NotebooksCommand
{
    private const string Prefix = "SmartPulse.Cli.Walkthroughs.";
    private static readonly Assembly _assembly = typeof(NotebooksCommand).Assembly;

    /// <summary>The bundled walkthrough file names, ordinal order.</summary>
    public static IReadOnlyList<string> Walkthroughs { get; } =
        [.. _assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Builds the command.</summary>
    /// <param name="console">Where messages go.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The folder to start from (created if needed); notebooks go to DIR/notebooks, datasets to DIR/data." };
        var force = new Option<bool>("--force") { Description = "Replace files that exist with other content." };
        var copy = new Command("copy", "Write the walkthrough notebooks and their datasets into a folder to start from.") { directory, force };
        copy.SetAction(parse => Copy(parse.GetValue(directory)!, parse.GetValue(force), console));
        var list = new Command("list", "List the walkthrough notebooks the tool carries.");
        list.SetAction(_ =>
        {
            foreach (var name in Walkthroughs)
            {
                console.Out.WriteLine(name);
            }

            return CommandLine.Ok;
        });
        var command = new Command("notebooks", "The walkthrough notebooks that come with the tool.");
        command.Subcommands.Add(copy);
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>Copies the walkthroughs and datasets.</summary>
    /// <param name="directory">The destination.</param>
    /// <param name="force">Replace differing files.</param>
    /// <param name="console">Where messages go.</param>
    /// <returns>0, 1 when a file exists with other content (nothing replaced), 2 on an unusable destination.</returns>
    public static int Copy(string directory, bool force, CliConsole console)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            console.Error.WriteLine($"error: {root} is a file; give a folder (it is created if missing).");
            return CommandLine.UsageError;
        }

        var notebooks = Path.Combine(root, "notebooks");
        var data = Path.Combine(root, "data");
        var conflicts = Walkthroughs.Select(n => Path.Combine(notebooks, n)).Where(p => File.Exists(p) && Sha(File.ReadAllBytes(p)) != Sha(Bytes(Path.GetFileName(p))))
            .Concat(BundledData.FileNames.Select(n => Path.Combine(data, n)).Where(p => File.Exists(p) && Sha(File.ReadAllBytes(p)) != BundledData.Sha256(Path.GetFileName(p))))
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            console.Error.WriteLine($"error: these files exist with other content and were left alone: {string.Join(", ", conflicts)}. Pass --force to replace them, or choose another folder.");
            return CommandLine.Failed;
        }

        try
        {
            Directory.CreateDirectory(notebooks);
            foreach (var name in Walkthroughs)
            {
                var bytes = Bytes(name);
                AtomicFile.Write(Path.Combine(notebooks, name), s => s.Write(bytes), force);
            }

            BundledData.CopyTo(data, overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnsafeOutputException)
        {
            console.Error.WriteLine($"error: cannot write into {root}: {e.Message}");
            return CommandLine.Failed;
        }

        console.Out.WriteLine($"wrote {Walkthroughs.Count} notebooks to {notebooks} and {BundledData.FileNames.Count} datasets to {data}");
        console.Out.WriteLine($"next: cd {root} && smartpulse run notebooks --report report   (or open a notebook with the C# (SmartPulse) kernel)");
        return CommandLine.Ok;
    }

    private static byte[] Bytes(string name)
    {
        using var stream = _assembly.GetManifestResourceStream(Prefix + name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
