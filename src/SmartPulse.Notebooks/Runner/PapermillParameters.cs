using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// papermill-compatible parameters. <see cref="ParseValue"/> types a command-line value as
/// papermill's <c>-p</c> does (<c>True</c>/<c>False</c> → bool, <c>None</c> → null, integer, float,
/// else string); <see cref="ToCSharp"/> writes it like papermill's C# translator
/// (<c>var name = value;</c>, longs get an <c>L</c> suffix); <see cref="Inject"/> adds a cell tagged
/// <c>injected-parameters</c> right after the cell tagged <c>parameters</c> (at the top if there is
/// none), replacing an injected cell left by an earlier run. Two deliberate differences from
/// papermill: strings use C# escapes (<c>\uXXXX</c>, not Python's <c>\xXX</c>, which C# reads
/// differently), and None becomes <c>object name = null;</c> where papermill's C# translator refuses.
/// When the notebook's <c>parameters</c> cell declares the name, the value follows the declared type
/// instead (<see cref="DeclaredParameter"/>), and an undeclared name is refused unless allowed.
/// </summary>
public static partial class PapermillParameters
{
    /// <summary>The tag of the cell holding parameter defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell holding injected values.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Types a command-line value as papermill's <c>-p</c> does.</summary>
    /// <param name="value">The raw text.</param>
    /// <returns>A bool, null, long, double or the string itself.</returns>
    public static object? ParseValue(string value)
    {
        switch (value)
        {
            case "True":
                return true;
            case "False":
                return false;
            case "None":
                return null;
        }

        if (IntPattern().IsMatch(value) && long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "nan" or "+nan" or "-nan" => double.NaN,
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => value,
        };
    }

    /// <summary>A C# literal for <paramref name="value"/> (bool, null, integer, double or string).</summary>
    /// <param name="value">The typed value.</param>
    /// <returns>The literal text.</returns>
    public static string ToCSharp(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long or int => Convert.ToInt64(value, CultureInfo.InvariantCulture) is var n && n is > int.MaxValue or < int.MinValue
            ? n.ToString(CultureInfo.InvariantCulture) + "L"
            : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => DoubleLiteral(d),
        _ => StringLiteral(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>The source of the injected cell: a comment line, then one assignment per parameter.</summary>
    /// <param name="parameters">Name and raw value pairs, in order.</param>
    /// <returns>The cell source.</returns>
    public static string InjectedSource(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder("// Parameters");
        foreach (var (name, raw) in parameters)
        {
            var value = ParseValue(raw);
            builder.Append('\n').Append(value is null ? $"object {name} = null;" : $"var {name} = {ToCSharp(value)};");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Injects <paramref name="parameters"/> into <paramref name="notebook"/> (in place), typed by the
    /// declarations of its <c>parameters</c> cell (<see cref="ParametersCell"/>): <c>-p k 4</c> into
    /// <c>int? k = null;</c> becomes <c>int? k = 4;</c>, and <c>-p csvPath 123</c> into a string stays
    /// the string <c>"123"</c>.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="parameters">Name and raw value pairs; nothing is injected when empty.</param>
    /// <param name="allowUnknown">Inject names the parameters cell does not declare (typed the papermill way) instead of refusing them.</param>
    /// <exception cref="ArgumentException">A name is not a C# identifier, is not declared (without <paramref name="allowUnknown"/>), or a value does not parse as the declared type.</exception>
    public static void Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> parameters, bool allowUnknown = false)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (parameters.Count == 0)
        {
            return;
        }

        var source = TypedSource(notebook, parameters, allowUnknown);
        notebook.Cells.RemoveAll(c => c.HasTag(InjectedTag));
        var index = notebook.Cells.FindIndex(c => c.HasTag(ParametersTag));
        var cell = new NotebookCell(CellType.Code, source)
        {
            Id = InjectedTag,
            Metadata = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
        };
        notebook.Cells.Insert(index + 1, cell);
    }

    /// <summary>
    /// The injected cell's source for <paramref name="notebook"/>, checking every parameter against
    /// the <c>parameters</c> cell; <see cref="Inject"/> uses it, and the runner calls it for every
    /// notebook before running any, so a typo stops the batch before work starts.
    /// </summary>
    /// <param name="notebook">The notebook (not modified).</param>
    /// <param name="parameters">Name and raw value pairs.</param>
    /// <param name="allowUnknown">Accept names the parameters cell does not declare.</param>
    /// <returns>The cell source: a comment line, then one typed declaration per parameter.</returns>
    /// <exception cref="ArgumentException">As <see cref="Inject"/>.</exception>
    public static string TypedSource(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> parameters, bool allowUnknown = false)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(parameters);
        var declared = ParametersCell.Read(notebook);
        var builder = new StringBuilder("// Parameters");
        foreach (var (name, raw) in parameters)
        {
            if (!Identifier().IsMatch(name))
            {
                throw new ArgumentException($"parameter name '{name}' is not a valid C# identifier (letters, digits and '_', not starting with a digit).", nameof(parameters));
            }

            var parameter = declared?.LastOrDefault(p => p.Name == name);
            if (parameter is null && !allowUnknown)
            {
                throw new ArgumentException(declared is null
                    ? $"-p {name}: this notebook has no cell tagged '{ParametersTag}', so it declares no parameters. Tag the cell holding the defaults '{ParametersTag}', or pass --allow-unknown-parameters to inject '{name}' anyway."
                    : $"-p {name}: the parameters cell declares no '{name}'; it declares {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Select(p => p.Name)))}. "
                        + $"Check the spelling (names are case-sensitive){Suggestion(name, declared)}, or pass --allow-unknown-parameters to inject it anyway.",
                    nameof(parameters));
            }

            builder.Append('\n').Append((parameter ?? new DeclaredParameter(name, null)).Statement(raw));
        }

        return builder.ToString();
    }

    private static string Suggestion(string name, IReadOnlyList<DeclaredParameter> declared) =>
        declared.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } close ? $" — did you mean '{close.Name}'?" : "";

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string StringLiteral(string s)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c > 0x7e => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"^\s*[+-]?\d+(_\d+)*\s*$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^\s*[+-]?((\d+(_\d+)*)?\.\d+(_\d+)*|\d+(_\d+)*\.?)([eE][+-]?\d+)?\s*$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
