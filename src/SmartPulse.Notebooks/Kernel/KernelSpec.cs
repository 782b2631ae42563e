using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernelspec (<c>kernels/&lt;name&gt;/kernel.json</c>) for this kernel, and where
/// Jupyter looks for it: the user data directory (<c>JUPYTER_DATA_DIR</c>, else
/// <c>~/.local/share/jupyter</c> on Linux, <c>~/Library/Jupyter</c> on macOS,
/// <c>%APPDATA%\jupyter</c> on Windows) or <c>PREFIX/share/jupyter</c>.
/// </summary>
public static class KernelSpec
{
    /// <summary>The default kernel name: the one .NET Interactive notebooks name in their metadata, so they open with this kernel.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>The name shown in kernel pickers.</summary>
    public const string DisplayName = "C# (SmartPulse)";

    /// <summary>The <c>kernel.json</c> content.</summary>
    /// <param name="argv">The command that starts the kernel, with <c>{connection_file}</c> where the connection file goes.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Create(IReadOnlyList<string> argv) => new()
    {
        ["argv"] = new JsonArray([.. argv.Select(a => JsonValue.Create(a))]),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Serialises a kernelspec as written to disk (indented, final newline).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The text.</returns>
    public static string ToText(JsonObject spec) => spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>Checks a kernel name as Jupyter does (ASCII letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>An error message, or null when valid.</returns>
    public static string? ValidateName(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-')
            ? null
            : $"invalid kernel name '{name}': use letters, digits, '.', '_' and '-' only (for example {DefaultName}).";

    /// <summary>The user's Jupyter data directory.</summary>
    /// <returns>The absolute path.</returns>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
        {
            return Path.GetFullPath(dataDir);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>The folder of the kernelspec <paramref name="name"/>.</summary>
    /// <param name="name">The kernel name.</param>
    /// <param name="prefix">An installation prefix (<c>PREFIX/share/jupyter/kernels</c>); null for the user directory.</param>
    /// <returns>The absolute folder path.</returns>
    public static string Directory(string name, string? prefix) =>
        Path.GetFullPath(Path.Combine(prefix is null ? UserDataDirectory() : Path.Combine(prefix, "share", "jupyter"), "kernels", name));

    /// <summary>Whether two kernelspecs are the same (JSON equality).</summary>
    /// <param name="existingText">The text of an existing kernel.json.</param>
    /// <param name="spec">The spec to write.</param>
    /// <returns>True when equal; false when different or unreadable.</returns>
    public static bool SameAs(string existingText, JsonObject spec)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(existingText), spec);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
