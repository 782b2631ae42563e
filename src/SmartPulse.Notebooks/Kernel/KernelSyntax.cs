using System.Text;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>Text helpers shared by the kernel's language services.</summary>
internal static class KernelSyntax
{
    /// <summary>
    /// Replaces every character of .NET Interactive directive lines (<c>#!...</c>, <c>#r "..."</c>,
    /// <c>#i "..."</c>) with spaces, keeping every offset, so the rest parses as C# script.
    /// </summary>
    /// <param name="code">The cell's source.</param>
    /// <returns>Source of the same length.</returns>
    public static string MaskDirectives(string code)
    {
        if (!code.Contains('#', StringComparison.Ordinal))
        {
            return code;
        }

        var text = new StringBuilder(code);
        var start = 0;
        while (start <= code.Length)
        {
            var end = code.IndexOf('\n', start);
            if (end < 0)
            {
                end = code.Length;
            }

            var line = code.AsSpan(start, end - start).TrimStart();
            if (line.StartsWith("#!") || line.StartsWith("#r") || line.StartsWith("#i"))
            {
                var isDirective = line.StartsWith("#!") || (line.Length > 2 && (line[2] == ' ' || line[2] == '\t' || line[2] == '"'));
                if (isDirective)
                {
                    for (var i = start; i < end; i++)
                    {
                        if (text[i] != '\r')
                        {
                            text[i] = ' ';
                        }
                    }
                }
            }

            start = end + 1;
        }

        return text.ToString();
    }

    /// <summary>
    /// Converts a Jupyter cursor position (Unicode code points, protocol 5.2+) into a UTF-16 index
    /// into <paramref name="code"/>, clamped to the text.
    /// </summary>
    /// <param name="code">The text.</param>
    /// <param name="codePoints">The cursor in code points.</param>
    /// <returns>The UTF-16 offset.</returns>
    public static int ToUtf16Offset(string code, int codePoints)
    {
        var offset = 0;
        for (var n = 0; n < codePoints && offset < code.Length; n++)
        {
            offset += char.IsHighSurrogate(code[offset]) && offset + 1 < code.Length && char.IsLowSurrogate(code[offset + 1]) ? 2 : 1;
        }

        return offset;
    }

    /// <summary>The inverse of <see cref="ToUtf16Offset"/>.</summary>
    /// <param name="code">The text.</param>
    /// <param name="offset">A UTF-16 offset.</param>
    /// <returns>The position in code points.</returns>
    public static int ToCodePoints(string code, int offset)
    {
        var count = 0;
        for (var i = 0; i < offset && i < code.Length; i++)
        {
            if (!(char.IsLowSurrogate(code[i]) && i > 0 && char.IsHighSurrogate(code[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Replaces CRLF with LF (as the engine's directive parser does before compiling) and moves
    /// <paramref name="offset"/> accordingly.
    /// </summary>
    /// <param name="code">The text.</param>
    /// <param name="offset">A UTF-16 offset into <paramref name="code"/>.</param>
    /// <returns>The normalised text and offset.</returns>
    public static (string Code, int Offset) NormalizeNewLines(string code, int offset)
    {
        if (!code.Contains('\r', StringComparison.Ordinal))
        {
            return (code, offset);
        }

        var removed = 0;
        for (var i = 0; i + 1 < code.Length && i < offset; i++)
        {
            if (code[i] == '\r' && code[i + 1] == '\n')
            {
                removed++;
            }
        }

        return (code.Replace("\r\n", "\n", StringComparison.Ordinal), offset - removed);
    }
}
