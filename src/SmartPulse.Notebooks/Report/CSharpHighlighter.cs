using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Notebooks.Report;

/// <summary>
/// A small C# syntax highlighter for the HTML report: wraps comments, strings, numbers,
/// keywords, preprocessor lines and notebook directives in <c>&lt;span class="..."&gt;</c>
/// (classes <c>c</c>, <c>s</c>, <c>n</c>, <c>k</c>, <c>d</c>); everything else is HTML-encoded text.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> _keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit",
        "in", "init", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object",
        "operator", "out", "override", "params", "private", "protected", "public", "readonly", "record", "ref",
        "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var",
        "virtual", "void", "volatile", "while", "yield", "get", "set", "when", "where", "select", "from", "let",
        "orderby", "group", "by", "into", "join", "on", "equals", "nameof", "with", "and", "or", "not", "dynamic",
    ];

    /// <summary>Returns <paramref name="code"/> as highlighted, HTML-safe markup (no surrounding element).</summary>
    /// <param name="code">C# source.</param>
    /// <returns>HTML.</returns>
    public static string Highlight(string code)
    {
        var html = new StringBuilder();
        var i = 0;
        void Span(string cls, int start, int end) =>
            html.Append("<span class=\"").Append(cls).Append("\">").Append(HtmlText.Encode(code[start..end])).Append("</span>");

        while (i < code.Length)
        {
            var c = code[i];
            if (c == '#' && AtLineStart(code, i))
            {
                var end = LineEnd(code, i);
                Span("d", i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                var end = LineEnd(code, i);
                Span("c", i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 2;
                Span("c", i, end);
                i = end;
            }
            else if (c == '"' || ((c == '@' || c == '$') && i + 1 < code.Length && (code[i + 1] == '"' || code[i + 1] is '@' or '$')))
            {
                var end = StringEnd(code, i);
                Span("s", i, end);
                i = end;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < code.Length && code[end] != '\'' && code[end] != '\n')
                {
                    end += code[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, code.Length);
                Span("s", i, end);
                i = end;
            }
            else if (char.IsDigit(c))
            {
                var end = i;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] is '.' or '_') && !(code[end] == '.' && (end + 1 >= code.Length || !char.IsDigit(code[end + 1]))))
                {
                    end++;
                }

                Span("n", i, end);
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                {
                    end++;
                }

                var word = code[i..end];
                if (_keywords.Contains(word))
                {
                    Span("k", i, end);
                }
                else
                {
                    html.Append(HtmlText.Encode(word));
                }

                i = end;
            }
            else
            {
                html.Append(HtmlText.Encode(c.ToString()));
                i++;
            }
        }

        return html.ToString();
    }

    private static bool AtLineStart(string code, int i)
    {
        var j = i - 1;
        while (j >= 0 && code[j] is ' ' or '\t')
        {
            j--;
        }

        return j < 0 || code[j] == '\n';
    }

    private static int LineEnd(string code, int start)
    {
        var end = code.IndexOf('\n', start);
        return end < 0 ? code.Length : end;
    }

    private static int StringEnd(string code, int start)
    {
        var i = start;
        var verbatim = false;
        while (i < code.Length && code[i] is '@' or '$')
        {
            verbatim |= code[i] == '@';
            i++;
        }

        if (i + 2 < code.Length && code[i] == '"' && code[i + 1] == '"' && code[i + 2] == '"')
        {
            var close = code.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + 3;
        }

        i++;
        while (i < code.Length)
        {
            if (!verbatim && code[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (code[i] == '"')
            {
                if (verbatim && i + 1 < code.Length && code[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (!verbatim && code[i] == '\n')
            {
                return i;
            }

            i++;
        }

        return code.Length;
    }
}
