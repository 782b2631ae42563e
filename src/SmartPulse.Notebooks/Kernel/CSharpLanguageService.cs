using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Notebooks.Directives;
using SmartPulse.Notebooks.Display;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// is_complete, complete and inspect for the kernel, from Roslyn's syntax tree and semantic model.
/// The cell is compiled (never run) as the session's next submission (<see cref="ScriptSession.GetCompilation"/>),
/// so completion sees earlier cells' variables and types and the packages they referenced.
/// </summary>
internal sealed partial class CSharpLanguageService
{
    private static readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly SymbolDisplayFormat _signatureFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private readonly ScriptSession _session;
    private readonly XmlDocumentation _documentation = new();

    public CSharpLanguageService(ScriptSession session)
    {
        _session = session;
    }

    /// <summary>The C# language version cells are compiled with, as text (for example <c>14.0</c>).</summary>
    public static string LanguageVersionText => LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString();

    /// <summary>
    /// is_complete: <c>incomplete</c> (with an indent for the next line) while
    /// <see cref="ScriptSession.IsCompleteSubmission"/> says a brace, string or statement is open;
    /// else <c>invalid</c> when the parse has errors, or <c>complete</c>.
    /// </summary>
    /// <param name="code">The code typed so far.</param>
    /// <returns>The status and indent.</returns>
    public (string Status, string Indent) IsComplete(string code)
    {
        var masked = KernelSyntax.MaskDirectives(code);
        if (string.IsNullOrWhiteSpace(masked))
        {
            return ("complete", "");
        }

        if (!ScriptSession.IsCompleteSubmission(code))
        {
            var lastLine = masked.TrimEnd('\n', '\r').Split('\n')[^1];
            var indent = lastLine[..(lastLine.Length - lastLine.TrimStart().Length)];
            var trimmed = lastLine.TrimEnd();
            if (trimmed.EndsWith('{') || trimmed.EndsWith('(') || trimmed.EndsWith('['))
            {
                indent += "    ";
            }

            return ("incomplete", indent);
        }

        var tree = CSharpSyntaxTree.ParseText(masked, _parseOptions);
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? ("invalid", "") : ("complete", "");
    }

    /// <summary>complete_reply content for the code and cursor (in Unicode code points).</summary>
    /// <param name="code">The cell's text.</param>
    /// <param name="cursorPosition">The cursor in code points.</param>
    /// <returns>The reply content: matches, cursor_start, cursor_end, metadata with types.</returns>
    public JsonObject Complete(string code, int cursorPosition)
    {
        (code, var cursor) = KernelSyntax.NormalizeNewLines(code, KernelSyntax.ToUtf16Offset(code, Math.Max(0, cursorPosition)));
        var start = cursor;
        while (start > 0 && IsIdentifierChar(code[start - 1]))
        {
            start--;
        }

        var prefix = code[start..cursor];
        var (model, tree) = Analyse(code);
        var symbols = model is null ? [] : CompletionSymbols(model, tree!, code, start);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.Ordinal) && !s.IsImplicitlyDeclared)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(500)
            .ToList();
        var startPoints = KernelSyntax.ToCodePoints(code, start);
        var endPoints = KernelSyntax.ToCodePoints(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. matches.Select(g => JsonValue.Create(g.Key))]),
            ["cursor_start"] = startPoints,
            ["cursor_end"] = endPoints,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray([.. matches.Select(g => (JsonNode)new JsonObject
                {
                    ["text"] = g.Key,
                    ["type"] = KindName(g.First()),
                    ["start"] = startPoints,
                    ["end"] = endPoints,
                    ["signature"] = Signature(g.First()),
                })]),
            },
        };
    }

    /// <summary>inspect_reply content: the signature and XML doc summary of the symbol at the cursor.</summary>
    /// <param name="code">The cell's text.</param>
    /// <param name="cursorPosition">The cursor in code points.</param>
    /// <param name="detailLevel">0 for the summary, 1 to add remarks, parameters and returns.</param>
    /// <returns>The reply content.</returns>
    public JsonObject Inspect(string code, int cursorPosition, int detailLevel)
    {
        var notFound = new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() };
        (code, var cursor) = KernelSyntax.NormalizeNewLines(code, KernelSyntax.ToUtf16Offset(code, Math.Max(0, cursorPosition)));
        var (model, tree) = Analyse(code);
        if (model is null || tree is null)
        {
            return notFound;
        }

        var symbols = SymbolsAt(model, tree, code, cursor);
        if (symbols.Count == 0)
        {
            return notFound;
        }

        var text = new StringBuilder();
        var markdown = new StringBuilder();
        foreach (var symbol in symbols.Take(10))
        {
            var signature = Signature(symbol);
            text.AppendLine(signature);
            markdown.Append("```csharp\n").Append(signature).Append("\n```\n");
        }

        if (symbols.Count > 10)
        {
            text.AppendLine($"(+{symbols.Count - 10} overloads)");
            markdown.Append($"(+{symbols.Count - 10} overloads)\n");
        }

        var first = symbols[0];
        if (_documentation.Find(first, detailLevel > 0) is { Length: > 0 } doc)
        {
            text.AppendLine().AppendLine(doc);
            markdown.AppendLine().AppendLine(doc);
        }

        if (first is IFieldSymbol or ILocalSymbol && _session.TryGetVariable(first.Name, out var value))
        {
            string shown;
            try
            {
                shown = MimeBundleFormatter.Format(value)["text/plain"]?.GetValue<string>() ?? "";
            }
            catch (Exception e)
            {
                shown = $"({e.GetType().Name}: {e.Message})";
            }

            if (shown.Length > 2000)
            {
                shown = shown[..2000] + "…";
            }

            text.AppendLine().Append("value: ").AppendLine(shown);
            markdown.AppendLine().Append("value: `").Append(shown.Replace("`", "'", StringComparison.Ordinal)).AppendLine("`");
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = true,
            ["data"] = new JsonObject
            {
                ["text/plain"] = text.ToString().TrimEnd(),
                ["text/markdown"] = markdown.ToString().TrimEnd(),
            },
            ["metadata"] = new JsonObject(),
        };
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string KindName(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.Name: var n } when n.StartsWith("Submission#", StringComparison.Ordinal) => "instance",
        IFieldSymbol or ILocalSymbol or IParameterSymbol => "instance",
        INamespaceSymbol => "module",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol => "class",
        IEventSymbol => "event",
        _ => "keyword",
    };

    private static string Signature(ISymbol symbol) => SubmissionPrefix().Replace(symbol.ToDisplayString(_signatureFormat), "");

    private static List<ISymbol> CompletionSymbols(SemanticModel model, SyntaxTree tree, string code, int start)
    {
        var dot = start - 1;
        while (dot >= 0 && char.IsWhiteSpace(code[dot]))
        {
            dot--;
        }

        if (dot < 0 || code[dot] != '.')
        {
            return [.. model.LookupSymbols(start)];
        }

        var token = tree.GetRoot().FindToken(dot);
        ExpressionSyntax? left = token.Parent switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            MemberBindingExpressionSyntax b when b.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } c => c.Expression,
            _ => null,
        };
        if (left is null)
        {
            return [];
        }

        var position = left.SpanStart;
        var symbol = model.GetSymbolInfo(left).Symbol;
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return [.. model.LookupSymbols(position, ns)];
            case ITypeSymbol type:
                return [.. model.LookupStaticMembers(position, type)];
        }

        var instanceType = model.GetTypeInfo(left).Type;
        if (instanceType is null or IErrorTypeSymbol)
        {
            return [];
        }

        if (token.Parent is MemberBindingExpressionSyntax && instanceType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            instanceType = nullable.TypeArguments[0];
        }

        return [.. model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })];
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxTree tree, string code, int cursor)
    {
        var start = cursor;
        var end = cursor;
        while (start > 0 && IsIdentifierChar(code[start - 1]))
        {
            start--;
        }

        while (end < code.Length && IsIdentifierChar(code[end]))
        {
            end++;
        }

        if (start == end)
        {
            // Cursor after "Name(" or "Name(arg, ": inspect the method being called.
            var back = cursor - 1;
            var depth = 0;
            while (back >= 0)
            {
                var c = code[back];
                if (c == ')')
                {
                    depth++;
                }
                else if (c == '(')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c is '\n' or ';' or '{' or '}')
                {
                    return [];
                }

                back--;
            }

            if (back <= 0)
            {
                return [];
            }

            end = back;
            while (end > 0 && char.IsWhiteSpace(code[end - 1]))
            {
                end--;
            }

            start = end;
            while (start > 0 && IsIdentifierChar(code[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return [];
            }
        }

        var token = tree.GetRoot().FindToken(start);
        var node = token.Parent;
        if (node is null)
        {
            return [];
        }

        if (model.GetDeclaredSymbol(node) is { } declared)
        {
            return [declared];
        }

        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
        {
            return [symbol];
        }

        if (!info.CandidateSymbols.IsEmpty)
        {
            return [.. info.CandidateSymbols];
        }

        if (model.GetTypeInfo(node).Type is { } type and not IErrorTypeSymbol && node is not LiteralExpressionSyntax)
        {
            return [type];
        }

        return [];
    }

    [GeneratedRegex(@"Submission#\d+\.")]
    private static partial Regex SubmissionPrefix();

    private (SemanticModel? Model, SyntaxTree? Tree) Analyse(string code)
    {
        try
        {
            // The session compiles the cell as its next submission (earlier cells, references and
            // imports included) with directive lines blanked, so offsets are unchanged.
            var compilation = _session.GetCompilation(code);
            var tree = compilation.SyntaxTrees.Last();
            return (compilation.GetSemanticModel(tree), tree);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or CompilationErrorException)
        {
            return (null, null);
        }
    }
}
