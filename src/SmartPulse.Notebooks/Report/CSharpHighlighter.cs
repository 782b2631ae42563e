using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmartPulse.Text;

namespace SmartPulse.Notebooks.Report;

/// <summary>
/// The report's C# syntax highlighter, on Roslyn's lexer (<see cref="SyntaxFactory.ParseTokens"/>, script rules): wraps
/// comments (trivia), string and character literals (regular, verbatim, interpolated, raw, UTF-8), numbers, keywords
/// (reserved and the common contextual ones) and directives (<c>#r</c>, <c>#!time</c>, <c>#if</c> …: directive trivia)
/// in <c>&lt;span class="..."&gt;</c> (classes <c>c</c>, <c>s</c>, <c>n</c>, <c>k</c>, <c>d</c>); everything else is
/// HTML-encoded text. The output's text is exactly the input's.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly CSharpParseOptions _script = new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Script);

    // Contextual keywords that are keywords wherever a notebook is likely to use them (Roslyn lexes them as identifiers).
    private static readonly HashSet<string> _contextual =
    [
        "var", "dynamic", "async", "await", "nameof", "record", "init", "required", "get", "set", "when", "with",
        "and", "or", "not", "yield", "from", "where", "select", "let", "orderby", "ascending", "descending", "group",
        "by", "into", "join", "on", "equals",
    ];

    /// <summary>Returns <paramref name="code"/> as highlighted, HTML-safe markup (no surrounding element).</summary>
    /// <param name="code">C# source.</param>
    /// <returns>HTML.</returns>
    public static string Highlight(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var html = new StringBuilder(code.Length * 2);
        var covered = 0;
        foreach (var token in SyntaxFactory.ParseTokens(code, options: _script))
        {
            Trivia(html, token.LeadingTrivia);
            Append(html, ClassOf(token), token.Text);
            Trivia(html, token.TrailingTrivia);
            covered += token.FullSpan.Length;
        }

        // The lexer covers every character; should it ever not, the text is still shown (unhighlighted), never lost.
        return covered == code.Length ? html.ToString() : HtmlText.Encode(code);
    }

    private static void Trivia(StringBuilder html, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            var cls = t.Kind() switch
            {
                SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                    or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => "c",
                _ when t.IsDirective || t.IsKind(SyntaxKind.ShebangDirectiveTrivia) || t.IsKind(SyntaxKind.BadDirectiveTrivia) => "d",
                _ => null,
            };
            Append(html, cls, t.ToFullString());
        }
    }

    private static string? ClassOf(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind))
        {
            return "k";
        }

        return kind switch
        {
            SyntaxKind.NumericLiteralToken => "n",
            SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
                or SyntaxKind.Utf8MultiLineRawStringLiteralToken => "s",
            SyntaxKind.IdentifierToken when _contextual.Contains(token.Text) => "k",
            _ => null,
        };
    }

    /// <summary>Appends <paramref name="text"/> encoded, in a span of class <paramref name="cls"/> if any; a trailing line break stays outside the span.</summary>
    private static void Append(StringBuilder html, string? cls, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (cls is null)
        {
            html.Append(HtmlText.Encode(text));
            return;
        }

        var body = text.TrimEnd('\r', '\n');
        html.Append("<span class=\"").Append(cls).Append("\">").Append(HtmlText.Encode(body)).Append("</span>").Append(text.AsSpan(body.Length));
    }
}
