using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// The kernel's input history for <c>history_request</c>: every executed cell with
/// <c>store_history</c>, numbered by its execution count, in session 1 (this kernel process).
/// Answers the three access types of the protocol: <c>tail</c> (last n), <c>range</c> (lines
/// start ≤ line &lt; stop of a session; session 0 or negative is the current one) and <c>search</c>
/// (glob pattern with <c>*</c> and <c>?</c> over the whole input, last n matches, optionally unique).
/// With <c>output</c>, each entry carries <c>[input, text/plain result or null]</c>.
/// </summary>
internal sealed class KernelHistory
{
    /// <summary>The session number of this kernel's history.</summary>
    public const int Session = 1;

    private readonly List<(int Line, string Input, string? Output)> _entries = [];
    private readonly object _gate = new();

    /// <summary>Records an executed cell.</summary>
    public void Add(int line, string input, string? output)
    {
        lock (_gate)
        {
            _entries.Add((line, input, output));
        }
    }

    /// <summary>The <c>history_reply</c> content for a request.</summary>
    public JsonObject Reply(JsonObject request)
    {
        List<(int Line, string Input, string? Output)> entries;
        lock (_gate)
        {
            entries = [.. _entries];
        }

        var output = JupyterMessage.Flag(request, "output", false);
        var n = request["n"] is JsonValue nv && nv.TryGetValue<int>(out var count) ? count : (int?)null;
        IEnumerable<(int Line, string Input, string? Output)> selected;
        switch (JupyterMessage.Text(request, "hist_access_type", "tail"))
        {
            case "range":
                var session = JupyterMessage.Number(request, "session", 0);
                var start = JupyterMessage.Number(request, "start", 0);
                var stop = request["stop"] is JsonValue sv && sv.TryGetValue<int>(out var st) ? st : int.MaxValue;
                selected = session is <= 0 or Session ? entries.Where(e => e.Line >= start && e.Line < stop) : [];
                break;
            case "search":
                var pattern = Glob(JupyterMessage.Text(request, "pattern", "*"));
                var matches = entries.Where(e => pattern.IsMatch(e.Input)).ToList();
                if (JupyterMessage.Flag(request, "unique", false))
                {
                    matches = [.. matches.GroupBy(e => e.Input, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.Line)];
                }

                selected = n is { } searchCount ? matches.TakeLast(searchCount) : matches;
                break;
            default:
                selected = entries.TakeLast(n ?? 10);
                break;
        }

        var history = new JsonArray();
        foreach (var (line, input, result) in selected)
        {
            history.Add(new JsonArray(Session, line, output ? new JsonArray(input, result) : JsonValue.Create(input)));
        }

        return new JsonObject { ["status"] = "ok", ["history"] = history };
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
