using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Reads the declarations of a notebook's <c>parameters</c> cell with Roslyn: every top-level
/// variable (<c>var csvPath = "...";</c>, <c>int? k = null;</c>, <c>string[] features = [...];</c>)
/// with its declared or literal-inferred type.
/// </summary>
public static class ParametersCell
{
    /// <summary>The declared parameters of <paramref name="notebook"/>, or null when no cell is tagged <c>parameters</c>.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The parameters in declaration order, or null.</returns>
    public static IReadOnlyList<DeclaredParameter>? Read(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cell = notebook.Cells.FirstOrDefault(c => c.HasTag(PapermillParameters.ParametersTag));
        return cell is null ? null : Parse(cell.Source);
    }

    /// <summary>The top-level variable declarations of C# script <paramref name="source"/>.</summary>
    /// <param name="source">The cell source (lines starting with <c>#!</c> are ignored).</param>
    /// <returns>The parameters in declaration order.</returns>
    public static IReadOnlyList<DeclaredParameter> Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var code = string.Join('\n', source.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? "" : l));
        var root = CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetCompilationUnitRoot();
        var result = new List<DeclaredParameter>();
        foreach (var member in root.Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type.IsVar ? Infer(variable.Initializer?.Value) : Canonical(declaration.Type);
                result.Add(new DeclaredParameter(variable.Identifier.ValueText, type));
            }
        }

        return result;
    }

    private static string? Canonical(TypeSyntax type)
    {
        var text = string.Concat(type.ToString().Where(c => !char.IsWhiteSpace(c))).Replace("System.", "", StringComparison.Ordinal);
        var nullable = text.EndsWith('?');
        var baseType = nullable ? text[..^1] : text;
        baseType = baseType switch
        {
            "Int32" => "int",
            "Int64" => "long",
            "Double" => "double",
            "Boolean" => "bool",
            "String" or "string?" => "string",
            "String[]" or "string?[]" => "string[]",
            _ => baseType,
        };
        return DeclaredParameter.SupportedTypes.Contains(baseType, StringComparer.Ordinal) ? baseType + (nullable ? "?" : "") : null;
    }

    private static string? Infer(ExpressionSyntax? value)
    {
        switch (value)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary:
                return Infer(unary.Operand);
            case LiteralExpressionSyntax literal:
                return literal.Token.Value switch
                {
                    int => "int",
                    long => "long",
                    double => "double",
                    bool => "bool",
                    string => "string",
                    _ => null,
                };
            case InterpolatedStringExpressionSyntax:
                return "string";
            case ArrayCreationExpressionSyntax array when Canonical(array.Type) == "string[]":
                return "string[]";
            case ImplicitArrayCreationExpressionSyntax implicitArray when implicitArray.Initializer.Expressions.Count > 0
                && implicitArray.Initializer.Expressions.All(e => Infer(e) == "string"):
                return "string[]";
            default:
                return null;
        }
    }
}
