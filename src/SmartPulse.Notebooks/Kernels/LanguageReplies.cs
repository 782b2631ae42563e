using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// The identifier around a cursor and the Jupyter-shaped <c>complete_reply</c> / <c>inspect_reply</c> contents that
/// subkernels without a language service of their own (F#, SQL) answer with.
/// </summary>
internal static class LanguageReplies
{
    /// <summary>Where the identifier (letters, digits, '_', and '.' when <paramref name="withDots"/>) ending at the cursor starts.</summary>
    public static int WordStart(string code, int cursor, bool withDots = false)
    {
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_' || (withDots && code[start - 1] == '.')))
        {
            start--;
        }
        return start;
    }

    /// <summary>The identifier (letters, digits, '_') the cursor stands in, empty when there is none.</summary>
    public static string WordAt(string code, int cursor)
    {
        var start = WordStart(code, cursor);
        var end = cursor;
        while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
        {
            end++;
        }
        return code[start..end];
    }

    /// <summary>A complete_reply content: the matches replace the text from <paramref name="start"/> to <paramref name="cursor"/>.</summary>
    public static JsonObject Completion(IEnumerable<string> matches, int start, int cursor) => new()
    {
        ["status"] = "ok",
        ["matches"] = new JsonArray([.. matches.Select(m => JsonValue.Create(m))]),
        ["cursor_start"] = start,
        ["cursor_end"] = cursor,
        ["metadata"] = new JsonObject(),
    };

    /// <summary>An inspect_reply content: found with <paramref name="text"/> as text/plain, or not found when it is null.</summary>
    public static JsonObject Inspection(string? text) => text is null
        ? new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() }
        : new JsonObject { ["status"] = "ok", ["found"] = true, ["data"] = new JsonObject { ["text/plain"] = text }, ["metadata"] = new JsonObject() };
}
