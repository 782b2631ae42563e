using System.Text.RegularExpressions;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Directives;

/// <summary>
/// Finds .NET Interactive directives in a C# cell: a first-line kernel switch (<c>#!csharp</c>,
/// <c>#!fsharp</c>, ...), <c>#r "nuget: Name, Version"</c>, <c>#r "file.dll"</c>,
/// <c>#i "nuget: source"</c>, <c>#!time</c> and other <c>#!</c> magics. Directive lines are
/// replaced by empty lines so line numbers are preserved. C# preprocessor lines (<c>#region</c>,
/// <c>#nullable</c>, <c>#if</c>, ...) are left alone.
/// </summary>
public static partial class DirectiveParser
{
    /// <summary>Parses <paramref name="source"/>.</summary>
    /// <param name="source">The cell's source.</param>
    /// <returns>The kernel switch, directives, remaining code and malformed-directive errors.</returns>
    public static ParsedCell Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var directives = new List<CellDirective>();
        var errors = new List<string>();
        string? kernel = null;
        var sawContent = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            var lineNo = i + 1;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed[2..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                if (!sawContent && kernel is null && KernelNames.IsKnown(name) && KernelNames.Normalize(name) != KernelNames.Markdown)
                {
                    kernel = KernelNames.Normalize(name);
                }
                else if (name == "time")
                {
                    directives.Add(new CellDirective(DirectiveKind.Time, "time", null, lineNo));
                }
                else
                {
                    directives.Add(new CellDirective(DirectiveKind.UnsupportedMagic, "#!" + name, null, lineNo));
                }

                lines[i] = "";
                sawContent = true;
                continue;
            }

            var match = RefDirective().Match(trimmed);
            if (match.Success)
            {
                var argument = match.Groups["arg"].Value;
                var isSource = match.Groups["kind"].Value == "i";
                if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var spec = argument["nuget:".Length..].Trim();
                    if (isSource)
                    {
                        directives.Add(new CellDirective(DirectiveKind.NuGetSource, spec, null, lineNo));
                    }
                    else
                    {
                        var parts = spec.Split(',', 2, StringSplitOptions.TrimEntries);
                        if (parts[0].Length == 0)
                        {
                            errors.Add($"({lineNo}): #r \"nuget:\" needs a package name, as in #r \"nuget: Humanizer.Core, 2.14.1\".");
                        }
                        else
                        {
                            var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
                            directives.Add(new CellDirective(DirectiveKind.NuGetReference, parts[0], version, lineNo));
                        }
                    }
                }
                else
                {
                    directives.Add(new CellDirective(isSource ? DirectiveKind.NuGetSource : DirectiveKind.FileReference, argument, null, lineNo));
                }

                lines[i] = "";
                sawContent = true;
                continue;
            }

            if (BareRef().IsMatch(trimmed))
            {
                errors.Add($"({lineNo}): malformed directive '{trimmed}': the argument must be quoted, as in #r \"nuget: Name, Version\" or #r \"file.dll\".");
                lines[i] = "";
                continue;
            }

            if (trimmed.Length > 0)
            {
                sawContent = true;
            }
        }

        return new ParsedCell(kernel, directives, string.Join('\n', lines), errors);
    }

    [GeneratedRegex("^#(?<kind>[ri])\\s*\"(?<arg>[^\"]*)\"\\s*(//.*)?$")]
    private static partial Regex RefDirective();

    [GeneratedRegex("^#[ri](\\s|$)")]
    private static partial Regex BareRef();
}
