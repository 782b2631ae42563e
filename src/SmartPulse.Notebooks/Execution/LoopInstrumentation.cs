using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Rewrites a cell so each loop body starts with <see cref="ScriptCancellation.ThrowIfCancelled"/>,
/// and <c>Console.Clear()</c> becomes <see cref="NotebookGlobals.ClearOutput"/>.
/// Inserted text never adds lines, so runtime line numbers stay the cell's (compile diagnostics
/// are taken from the original code).
/// </summary>
internal static class LoopInstrumentation
{
    private static readonly CSharpParseOptions _parseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    public static bool TryInstrument(string code, out string instrumented)
    {
        var root = CSharpSyntaxTree.ParseText(code, _parseOptions).GetRoot();
        if (!root.DescendantNodes().Any(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax || IsConsoleClear(n)))
        {
            instrumented = code;
            return false;
        }

        instrumented = new Rewriter().Visit(root).ToFullString();
        return true;
    }

    /// <summary><c>Console.Clear()</c> or <c>System.Console.Clear()</c>: mapped to the cell's <c>ClearOutput()</c> (a notebook has no terminal to clear).</summary>
    private static bool IsConsoleClear(SyntaxNode node) =>
        node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Clear" } access }
        && access.Expression.ToString() is "Console" or "System.Console" or "global::System.Console";

    private sealed class Rewriter : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node) =>
            IsConsoleClear(node)
                ? SyntaxFactory.ParseExpression("ClearOutput()").WithTriviaFrom(node)
                : base.VisitInvocationExpression(node);

        private static StatementSyntax Check() =>
            SyntaxFactory.ParseStatement("global::SmartPulse.Notebooks.Execution.ScriptCancellation.ThrowIfCancelled();");

        private static StatementSyntax Instrument(StatementSyntax body) => body switch
        {
            BlockSyntax block => block.WithStatements(block.Statements.Insert(0, Check())),
            _ => SyntaxFactory.Block(Check(), body.WithoutTrivia()).WithTriviaFrom(body),
        };

        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
        {
            var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
            return visited.WithStatement(Instrument(visited.Statement));
        }

        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
        {
            var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
            return visited.WithStatement(Instrument(visited.Statement));
        }

        public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
        {
            var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
            return visited.WithStatement(Instrument(visited.Statement));
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            return visited.WithStatement(Instrument(visited.Statement));
        }

        public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
        {
            var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
            return visited.WithStatement(Instrument(visited.Statement));
        }
    }
}
