using System.Globalization;
using System.Text.Json;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// A variable declared in a notebook's <c>parameters</c> cell, with its C# type: written
/// (<c>int? k = null;</c>) or inferred from a literal (<c>var seed = 0;</c> is <c>int</c>).
/// <see cref="Literal"/> turns a command-line value into a C# literal of exactly that type, so an
/// injected value never changes a parameter's type.
/// </summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">
/// The canonical C# type: <c>int</c>, <c>long</c>, <c>double</c>, <c>bool</c>, <c>string</c>,
/// <c>string[]</c>, each optionally with <c>?</c>; or null when the type is something else (the value
/// is then typed the papermill way).
/// </param>
public sealed record DeclaredParameter(string Name, string? Type)
{
    /// <summary>The types whose values are converted and checked.</summary>
    public static readonly IReadOnlyList<string> SupportedTypes = ["int", "long", "double", "bool", "string", "string[]"];

    /// <summary>
    /// The C# literal for <paramref name="raw"/> as this parameter's type: integers for <c>int</c>
    /// and <c>long</c>; numbers (also <c>nan</c>, <c>inf</c>) for <c>double</c>; <c>True</c>/<c>False</c>
    /// (any case) for <c>bool</c>; the text verbatim for <c>string</c>; a JSON array of strings or a
    /// comma-separated list for <c>string[]</c>; papermill's <c>None</c> for null in nullable types,
    /// <c>string</c> and <c>string[]</c>.
    /// </summary>
    /// <param name="raw">The value given with <c>-p NAME VALUE</c>.</param>
    /// <returns>The literal.</returns>
    /// <exception cref="ArgumentException">The value does not parse as the type; the message names the parameter, the type and the value.</exception>
    public string Literal(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (Type is null)
        {
            return PapermillParameters.ToCSharp(PapermillParameters.ParseValue(raw));
        }

        var nullable = Type.EndsWith('?');
        var baseType = nullable ? Type[..^1] : Type;
        if (raw == "None")
        {
            // papermill's None: null for nullable value types and for reference types (string, string[]).
            return nullable || baseType is "string" or "string[]"
                ? "null"
                : throw Invalid(raw, $"{Type} cannot be null; declare it {baseType}? in the parameters cell to accept None");
        }

        var text = raw.Trim();
        switch (baseType)
        {
            case "int":
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? i.ToString(CultureInfo.InvariantCulture)
                    : throw Invalid(raw, $"expected a whole number from {int.MinValue} to {int.MaxValue}{NullHint(nullable)}");
            case "long":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l.ToString(CultureInfo.InvariantCulture) + "L"
                    : throw Invalid(raw, $"expected a whole number{NullHint(nullable)}");
            case "double":
                return PapermillParameters.ParseValue(text) is var d && d is double or long
                    ? PapermillParameters.ToCSharp(Convert.ToDouble(d, CultureInfo.InvariantCulture))
                    : throw Invalid(raw, $"expected a number such as 0.5, 1e-3, nan or inf (with '.' as the decimal point){NullHint(nullable)}");
            case "bool":
                return text.ToLowerInvariant() switch
                {
                    "true" => "true",
                    "false" => "false",
                    _ => throw Invalid(raw, $"expected True or False{NullHint(nullable)}"),
                };
            case "string":
                return PapermillParameters.ToCSharp(raw);
            case "string[]":
                return "new string[] { " + string.Join(", ", Items(raw).Select(s => PapermillParameters.ToCSharp(s))) + " }";
            default:
                return PapermillParameters.ToCSharp(PapermillParameters.ParseValue(raw));
        }
    }

    /// <summary>The injected statement: a declaration with the declared type (or <c>var</c> when it is not one of <see cref="SupportedTypes"/>).</summary>
    /// <param name="raw">The command-line value.</param>
    /// <returns>For example <c>int? k = 4;</c>.</returns>
    public string Statement(string raw)
    {
        var literal = Literal(raw);
        return Type is null
            ? (literal == "null" ? $"object {Name} = null;" : $"var {Name} = {literal};")
            : $"{Type} {Name} = {literal};";
    }

    private IEnumerable<string> Items(string raw)
    {
        if (raw.TrimStart().StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(raw) ?? [];
            }
            catch (JsonException e)
            {
                throw Invalid(raw, $"a value starting with '[' must be a JSON array of strings such as [\"a\",\"b\"] ({e.Message})");
            }
        }

        return raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string NullHint(bool nullable) => nullable ? ", or None for null" : "";

    private ArgumentException Invalid(string raw, string expected) =>
        new($"-p {Name} {raw}: parameter '{Name}' is declared {Type} in the parameters cell, and '{raw}' is not a valid {Type}: {expected}.");
}
