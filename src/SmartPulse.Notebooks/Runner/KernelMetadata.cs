using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Records in a notebook's metadata the kernel that actually ran it, as nbclient and papermill do:
/// <c>kernelspec</c> (name, display_name, language of the kernelspec used) and <c>language_info</c>
/// from that kernel's <c>kernel_info_reply</c>. A run through the SmartPulse kernel keeps the .NET
/// Interactive shape (kernelspec <c>.net-csharp</c>, C# language_info, written by <see cref="IpynbFormat"/>),
/// so a notebook that named another kernel never keeps that stale kernelspec, and a notebook run with
/// <c>--kernel python3</c> never keeps a stale <c>.net-csharp</c> one.
/// </summary>
public static class KernelMetadata
{
    /// <summary>Writes <paramref name="launch"/>'s kernelspec and <paramref name="kernelInfo"/>'s language_info into <paramref name="notebook"/>.</summary>
    /// <param name="notebook">The notebook being executed (its metadata is changed in place).</param>
    /// <param name="launch">The kernel that runs it.</param>
    /// <param name="kernelInfo">The content of that kernel's <c>kernel_info_reply</c>.</param>
    public static void Apply(Notebook notebook, KernelLaunch launch, JsonObject kernelInfo)
    {
        if (launch.IsSmartPulse)
        {
            // No kernelspec (or a .NET one) means the .NET Interactive shape when written.
            notebook.Metadata.Remove("kernelspec");
            notebook.Metadata.Remove("language_info");
            return;
        }

        var languageInfo = kernelInfo["language_info"] as JsonObject;
        var language = launch.Language ?? (languageInfo?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null);
        var spec = new JsonObject { ["display_name"] = launch.DisplayName };
        if (language is not null)
        {
            spec["language"] = language;
        }

        spec["name"] = launch.Name;
        notebook.Metadata["kernelspec"] = spec;
        if (languageInfo is not null)
        {
            notebook.Metadata["language_info"] = languageInfo.DeepClone();
        }
        else
        {
            notebook.Metadata.Remove("language_info");
        }
    }
}
