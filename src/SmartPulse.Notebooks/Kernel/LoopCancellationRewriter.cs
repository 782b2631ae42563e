using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Inserts a call to <see cref="CellCancellation.ThrowIfCancellationRequested"/> at the top of the
/// body of every <c>while</c>, <c>do</c>, <c>for</c> and <c>foreach</c> loop in a cell, so an
/// interrupt stops a <c>while (true) { }</c>. The insertion is textual and never adds a line break,
/// so line numbers in stack traces and compile errors stay those of the cell; directive lines are
/// left untouched.
/// </summary>
internal static class LoopCancellationRewriter
{
    /// <summary>The injected statement.</summary>
    public const string Check = "global::SmartPulse.Notebooks.Kernel.CellCancellation.ThrowIfCancellationRequested();";

    /// <summary>Returns <paramref name="code"/> with a cancellation check in every loop body.</summary>
    /// <param name="code">A cell's source, directives included.</param>
    /// <returns>The rewritten source (the input itself when it has no loops).</returns>
    public static string Rewrite(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(
            KernelSyntax.MaskDirectives(code),
            new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var changes = new List<TextChange>();
        foreach (var loop in tree.GetRoot().DescendantNodes().OfType<StatementSyntax>())
        {
            var body = loop switch
            {
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                ForStatementSyntax f => f.Statement,
                CommonForEachStatementSyntax f => f.Statement,
                _ => null,
            };
            if (body is null || body.IsMissing)
            {
                continue;
            }

            if (body is BlockSyntax block)
            {
                if (!block.OpenBraceToken.IsMissing)
                {
                    changes.Add(new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), Check));
                }
            }
            else if (body.Span.Length > 0)
            {
                changes.Add(new TextChange(new TextSpan(body.SpanStart, 0), "{" + Check));
                changes.Add(new TextChange(new TextSpan(body.Span.End, 0), "}"));
            }
        }

        if (changes.Count == 0)
        {
            return code;
        }

        return SourceText.From(code).WithChanges(changes.OrderBy(c => c.Span.Start)).ToString();
    }
}
