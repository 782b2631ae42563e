using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Display;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>Runs the magic commands of a cell against the composite kernel.</summary>
internal sealed class MagicRunner(CompositeKernel composite)
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(MagicHelp.Magics.Keys.Where(k => k != "value"), StringComparer.Ordinal);

    public async Task RunAsync(MagicCommand magic, ISubkernel kernel, KernelContext context)
    {
        if (!Names.Contains(magic.Name))
        {
            throw new MagicException(
                $"({magic.Line}): unknown magic command or kernel '#!{magic.Name}'. Magic commands: {string.Join(", ", Names.Select(n => "#!" + n))}. "
                + $"Kernels: {string.Join(", ", composite.KernelNames.Select(n => "#!" + n))}. Run #!lsmagic for details.");
        }
        if (magic.WantsHelp)
        {
            context.Text(MagicHelp.For(magic.Name));
            return;
        }
        switch (magic.Name)
        {
            case "time":
                break;
            case "lsmagic":
                context.Text(LsMagic());
                break;
            case "about":
                context.Text(About());
                break;
            case "who":
                context.Text(kernel.VariableNames.Count == 0 ? $"No variables in kernel {kernel.Name}." : string.Join("\t", kernel.VariableNames));
                break;
            case "whos":
                context.Display(Whos(kernel));
                break;
            case "set":
                await SetAsync(magic, kernel, context).ConfigureAwait(false);
                break;
            case "share":
                await ShareAsync(magic, kernel, context).ConfigureAwait(false);
                break;
            case "connect":
                await ConnectAsync(magic, context).ConfigureAwait(false);
                break;
        }
    }

    private string LsMagic()
    {
        var lines = new List<string> { "Magic commands (each accepts -h):" };
        lines.AddRange(MagicHelp.Magics.Where(m => m.Key != "value").Select(m => $"  #!{m.Key,-8} {m.Value.Summary}"));
        lines.Add("Kernels (first line #!name, or cell metadata):");
        lines.AddRange(composite.Kernels.Select(k => $"  #!{k.Name,-10} {k.Description}"));
        lines.Add("C#: #r \"nuget: Name, Version\", #r \"file.dll\", #i \"nuget: source\"; helpers display(), HTML(), Javascript(), CSS(). F#: #r \"nuget: Name, Version\".");
        return string.Join('\n', lines);
    }

    private string About()
    {
        var version = typeof(CompositeKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
        return $"SmartPulse notebook engine {version}: a maintained replacement for .NET Interactive (Polyglot Notebooks) with the same notebook format and magic commands.\n"
            + $"Kernels: {string.Join(", ", composite.KernelNames)}.\n.NET {Environment.Version}; https://github.com/ (see README) for documentation.";
    }

    private static JsonObject Whos(ISubkernel kernel)
    {
        var names = new StringDataFrameColumn("Variable");
        var types = new StringDataFrameColumn("Type");
        var values = new StringDataFrameColumn("Value");
        foreach (var name in kernel.VariableNames)
        {
            kernel.TryGetVariable(name, out var value);
            names.Append(name);
            types.Append(value?.GetType().Name ?? "null");
            var text = value is null ? "<null>" : value is DataFrame f ? $"DataFrame ({f.Rows.Count} rows × {f.Columns.Count} columns)" : MimeBundleFormatter.Format(value)["text/plain"]?.GetValue<string>() ?? "";
            text = text.Split('\n')[0];
            values.Append(text.Length > 60 ? text[..57] + "..." : text);
        }
        return TableFormatter.Format(new DataFrame(names, types, values), int.MaxValue);
    }

    private async Task SetAsync(MagicCommand magic, ISubkernel kernel, KernelContext context)
    {
        magic.CheckOptions(["--name", "--value", "--mime-type"], ["--byref"]);
        var name = magic.Option("--name") ?? throw new MagicException($"({magic.Line}): #!set needs --name. {MagicHelp.Magics["set"].Usage.Split('\n')[0]}");
        var raw = magic.Option("--value") ?? throw new MagicException($"({magic.Line}): #!set needs --value. {MagicHelp.Magics["set"].Usage.Split('\n')[0]}");
        var mime = magic.Option("--mime-type");
        object? value;
        if (raw.StartsWith("@input:", StringComparison.Ordinal) || raw.StartsWith("@password:", StringComparison.Ordinal))
        {
            var password = raw.StartsWith("@password:", StringComparison.Ordinal);
            var prompt = raw[(raw.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var input = composite.Options.Input
                ?? throw new MagicException($"({magic.Line}): #!set --value {raw} asks for input, but nobody can answer here (headless run). Pass the value as a literal or a notebook parameter instead.");
            value = input(prompt, password) ?? throw new MagicException($"({magic.Line}): no input was given for \"{prompt}\".");
        }
        else if (raw.StartsWith('@') && raw.IndexOf(':', StringComparison.Ordinal) > 1)
        {
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            value = Read(raw[1..colon], raw[(colon + 1)..], magic.Line);
            value = mime is null ? value : Format(value, mime);
        }
        else
        {
            value = mime is "application/json" ? FromJson(raw, magic.Line) : raw;
        }
        await kernel.SetVariableAsync(name, value, context).ConfigureAwait(false);
    }

    private async Task ShareAsync(MagicCommand magic, ISubkernel kernel, KernelContext context)
    {
        magic.CheckOptions(["--from", "--as", "--mime-type"], []);
        var from = magic.Option("--from") ?? throw new MagicException($"({magic.Line}): #!share needs --from <kernel>. {MagicHelp.Magics["share"].Usage}");
        var positional = magic.Positional(["--from", "--as", "--mime-type"]);
        if (positional.Count != 1)
        {
            throw new MagicException($"({magic.Line}): #!share takes one variable name, got {positional.Count}. {MagicHelp.Magics["share"].Usage}");
        }
        var variable = positional[0];
        var value = Read(from, variable, magic.Line);
        var mime = magic.Option("--mime-type");
        await kernel.SetVariableAsync(magic.Option("--as") ?? variable, mime is null ? value : Format(value, mime), context).ConfigureAwait(false);
    }

    private async Task ConnectAsync(MagicCommand magic, KernelContext context)
    {
        var positional = magic.Positional(["--kernel-name", "--path", "--kernel-spec", "--connection-string"]);
        var kind = positional.FirstOrDefault() ?? throw new MagicException($"({magic.Line}): #!connect needs a kind. {MagicHelp.Magics["connect"].Usage}");
        var name = magic.Option("--kernel-name") ?? throw new MagicException($"({magic.Line}): #!connect {kind} needs --kernel-name <name>.");
        ISubkernel added;
        switch (kind)
        {
            case "duckdb":
                magic.CheckOptions(["--kernel-name", "--path"], []);
                var path = magic.Option("--path");
                added = new SqlSubkernel(name, path is null ? null : Path.GetFullPath(Path.Combine(composite.BaseDirectory, path)));
                break;
            case "jupyter":
                magic.CheckOptions(["--kernel-name", "--kernel-spec"], []);
                var spec = magic.Option("--kernel-spec") ?? throw new MagicException($"({magic.Line}): #!connect jupyter needs --kernel-spec <spec> (e.g. python3; list them with `jupyter kernelspec list`).");
                added = await JupyterSubkernel.StartAsync(name, spec, composite.BaseDirectory, composite.Options.KernelSpecDirectories, context.CancellationToken).ConfigureAwait(false);
                break;
            case "sqlite":
                magic.CheckOptions(["--kernel-name", "--connection-string"], []);
                var connectionString = magic.Option("--connection-string") ?? throw new MagicException($"({magic.Line}): #!connect sqlite needs --connection-string \"Data Source=<file.db>\".");
                added = SqliteSubkernel.Open(name, connectionString, composite.BaseDirectory);
                break;
            default:
                throw new MagicException($"({magic.Line}): #!connect {kind}: unknown connection kind; this engine connects duckdb, sqlite and jupyter. {MagicHelp.Magics["connect"].Usage}");
        }
        try
        {
            composite.Add(added);
        }
        catch
        {
            added.Dispose();
            throw;
        }
        context.Text($"Kernel added: #!{name} ({added.Description})");
    }

    private object? Read(string kernelName, string variable, int line)
    {
        var source = composite.Find(kernelName, line);
        if (source.TryGetVariable(variable, out var value))
        {
            return value;
        }
        var held = composite.Kernels
            .Where(k => k.VariableNames.Count > 0)
            .Select(k => $"{k.Name}: {string.Join(", ", k.VariableNames)}")
            .ToList();
        throw new MagicException($"({line}): kernel {source.Name} has no variable '{variable}'. Variables by kernel: {(held.Count == 0 ? "none yet" : string.Join("; ", held))}.");
    }

    private static string Format(object? value, string mime)
    {
        var data = MimeBundleFormatter.Format(value, [mime]);
        return data[mime] is JsonValue v && v.TryGetValue<string>(out var s) ? s : data[mime]?.ToJsonString() ?? "";
    }

    private static object? FromJson(string text, int line)
    {
        try
        {
            return Convert(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new MagicException($"({line}): #!set --mime-type application/json: the value is not JSON ({e.Message}).");
        }
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        null => null,
        JsonArray a => a.Select(Convert).ToArray(),
        JsonObject o => o.ToDictionary(p => p.Key, p => Convert(p.Value)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture),
    };
}
