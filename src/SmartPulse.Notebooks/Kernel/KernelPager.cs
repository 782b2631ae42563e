using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// IPython-style help requests: a cell that is only <c>expr?</c> / <c>expr??</c>, or
/// <c>#!help expr</c>, shows <c>expr</c>'s signature and documentation in the front end's pager (an
/// <c>execute_reply</c> payload with <c>source: "page"</c>) instead of running code.
/// </summary>
internal static partial class KernelPager
{
    /// <summary>The expression asked about and the detail level, or null when <paramref name="code"/> is ordinary code.</summary>
    public static (string Expression, int Detail)? Parse(string code)
    {
        var trimmed = code.Trim();
        var help = HelpDirective().Match(trimmed);
        if (help.Success)
        {
            return (help.Groups[1].Value.Trim(), 1);
        }

        var question = Question().Match(trimmed);
        return question.Success ? (question.Groups[1].Value, question.Groups[2].Value.Length - 1) : null;
    }

    /// <summary>The <c>page</c> payload for an inspect result (found or not).</summary>
    public static JsonObject Payload(string expression, JsonObject inspectReply)
    {
        var data = inspectReply["data"] is JsonObject d && JupyterMessage.Flag(inspectReply, "found", false) && d.Count > 0
            ? (JsonObject)d.DeepClone()
            : new JsonObject { ["text/plain"] = $"No documentation found for '{expression}' (is it defined, and spelled as in C#?)." };
        data["text/plain"] ??= data.FirstOrDefault().Value?.ToString() ?? "";
        return new JsonObject { ["source"] = "page", ["data"] = data, ["start"] = 0 };
    }

    [GeneratedRegex(@"^#!help\s+(\S.*)$")]
    private static partial Regex HelpDirective();

    [GeneratedRegex(@"^([A-Za-z_@][\w.<>,\[\] ]*?)(\?{1,2})$")]
    private static partial Regex Question();
}
