using System.Text;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// One <c>#!name --option value ...</c> line, tokenised the way .NET Interactive reads it: tokens are
/// separated by blanks, double quotes group (<c>\"</c> inside quotes is a quote), and an
/// <c>@input:"prompt"</c> token keeps its quoted prompt.
/// </summary>
/// <param name="Name">The magic's name without <c>#!</c> (<c>set</c>, <c>share</c>, ...).</param>
/// <param name="Tokens">The tokens after the name.</param>
/// <param name="Line">1-based line in the cell.</param>
internal sealed record MagicCommand(string Name, IReadOnlyList<string> Tokens, int Line)
{
    public static MagicCommand Parse(string text, int line)
    {
        var tokens = Tokenize(text.Trim()[2..]);
        return new MagicCommand(tokens.Count == 0 ? "" : tokens[0], tokens.Skip(1).ToList(), line);
    }

    public bool WantsHelp => Tokens.Any(t => t is "-h" or "--help" or "-?");

    /// <summary>The value of <c>--name value</c> (or an alias), null when absent.</summary>
    public string? Option(params string[] names)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (names.Contains(Tokens[i], StringComparer.Ordinal))
            {
                if (i + 1 >= Tokens.Count || (Tokens[i + 1].StartsWith("--", StringComparison.Ordinal) && Tokens[i + 1].Length > 2))
                {
                    throw new MagicException($"({Line}): #!{Name}: option {Tokens[i]} needs a value. Run #!{Name} -h for the usage.");
                }
                return Tokens[i + 1];
            }
        }
        return null;
    }

    public bool Flag(string name) => Tokens.Contains(name, StringComparer.Ordinal);

    /// <summary>Tokens that are neither options nor option values.</summary>
    public IReadOnlyList<string> Positional(IReadOnlyCollection<string> valueOptions)
    {
        var result = new List<string>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (valueOptions.Contains(Tokens[i]))
            {
                i++;
            }
            else if (!Tokens[i].StartsWith("--", StringComparison.Ordinal))
            {
                result.Add(Tokens[i]);
            }
        }
        return result;
    }

    /// <summary>Fails on options the magic does not know.</summary>
    public void CheckOptions(IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (valueOptions.Contains(t))
            {
                i++;
            }
            else if (t.StartsWith("--", StringComparison.Ordinal) && !flags.Contains(t))
            {
                var known = string.Join(", ", valueOptions.Concat(flags).Order(StringComparer.Ordinal));
                throw new MagicException($"({Line}): #!{Name}: unknown option '{t}'. Options: {known}. Run #!{Name} -h for the usage.");
            }
        }
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var has = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
                has = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (has || current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    has = false;
                }
            }
            else
            {
                current.Append(c);
            }
        }
        if (has || current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }
}
