using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Client;

/// <summary>
/// How to start a kernel process: a kernelspec's <c>argv</c> (with <c>{connection_file}</c> where the
/// connection file goes), its extra environment variables and its interrupt mode. The runner starts
/// one such process per notebook, in the notebook's folder.
/// </summary>
/// <param name="Name">The kernel name (for messages).</param>
/// <param name="DisplayName">The name shown to people.</param>
/// <param name="Argv">The command line; <c>{connection_file}</c> is replaced by the connection file's path.</param>
/// <param name="Environment">Extra environment variables for the kernel process.</param>
/// <param name="InterruptWithMessage">Interrupt with an <c>interrupt_request</c> on the control channel (kernelspec <c>interrupt_mode: "message"</c>); otherwise with SIGINT.</param>
/// <param name="IsSmartPulse">Whether this is the SmartPulse kernel, which understands <c>#!kernel</c> first lines for a cell's kernel name.</param>
public sealed record KernelLaunch(
    string Name,
    string DisplayName,
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string> Environment,
    bool InterruptWithMessage,
    bool IsSmartPulse)
{
    /// <summary>The placeholder replaced with the connection file's path.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    /// <summary>The SmartPulse kernel's option naming subkernels to start in the background (<c>--warm-up fsharp,sql</c>).</summary>
    public const string WarmUpOption = "--warm-up";

    /// <summary>The kernelspec's <c>language</c> (for the notebook's <c>kernelspec</c> metadata); null when kernel.json has none.</summary>
    public string? Language { get; init; }

    /// <summary>The SmartPulse kernel started by <paramref name="argv"/> (for example the running CLI's own <c>kernel {connection_file}</c> command).</summary>
    /// <param name="argv">The command line, containing <see cref="ConnectionFilePlaceholder"/>.</param>
    /// <returns>The launch description.</returns>
    public static KernelLaunch SmartPulse(IReadOnlyList<string> argv) =>
        new(Kernel.KernelSpec.DefaultName, Kernel.KernelSpec.DisplayName, argv, new Dictionary<string, string>(), true, true) { Language = "C#" };

    /// <summary>
    /// This launch with <see cref="WarmUpOption"/> <paramref name="kernels"/> appended to its command line, so the
    /// kernel starts those subkernels (F# Interactive, DuckDB) in the background while the first cells run. Only the
    /// SmartPulse kernel understands the option: any other kernel, or an empty list, gives this launch unchanged.
    /// </summary>
    /// <param name="kernels">Kernel names, for example from <see cref="Kernels.KernelRequirements.WarmUpKernels"/>.</param>
    /// <returns>The launch description.</returns>
    public KernelLaunch WithWarmUp(IReadOnlyList<string> kernels) =>
        !IsSmartPulse || kernels.Count == 0 || Argv.Contains(WarmUpOption)
            ? this
            : this with { Argv = [.. Argv, WarmUpOption, string.Join(',', kernels)] };

    /// <summary>Reads a kernelspec folder's <c>kernel.json</c>.</summary>
    /// <param name="name">The kernel name.</param>
    /// <param name="directory">The folder holding kernel.json.</param>
    /// <returns>The launch description.</returns>
    /// <exception cref="FormatException">kernel.json is not valid or has no argv; the message names the file.</exception>
    public static KernelLaunch FromSpecDirectory(string name, string directory)
    {
        var path = Path.Combine(directory, "kernel.json");
        JsonObject spec;
        try
        {
            spec = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException($"{path}: expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON ({e.Message}).", e);
        }

        if (spec["argv"] is not JsonArray argv || argv.Count == 0 || argv.Any(a => a is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw new FormatException($"{path}: 'argv' must be a non-empty list of strings.");
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spec["env"] is JsonObject e2)
        {
            foreach (var (key, value) in e2)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    env[key] = s;
                }
            }
        }

        var args = argv.Select(a => a!.GetValue<string>()).ToList();
        var display = spec["display_name"] is JsonValue d && d.TryGetValue<string>(out var dn) ? dn : name;
        var mode = spec["interrupt_mode"] is JsonValue m && m.TryGetValue<string>(out var im) ? im : "signal";
        var isOurs = args.Any(a => a.EndsWith("smartpulse.dll", StringComparison.OrdinalIgnoreCase) || Path.GetFileNameWithoutExtension(a) == "smartpulse");
        var language = spec["language"] is JsonValue l && l.TryGetValue<string>(out var ln) ? ln : null;
        return new KernelLaunch(name, display, args, env, mode == "message", isOurs) { Language = language };
    }
}
