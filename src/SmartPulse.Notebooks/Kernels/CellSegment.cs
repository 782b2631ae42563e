namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A run of a cell's lines that goes to one kernel: the magic commands found in it and its code with
/// every magic line (and the kernel switch) blanked, so line numbers in errors stay those of the cell.
/// </summary>
/// <param name="KernelName">The target kernel's name as the cell spelt it.</param>
/// <param name="Options">Tokens after the kernel switch (<c>#!sql --name top</c> → <c>--name top</c>); empty without a switch.</param>
/// <param name="Magics">Magic commands, in order.</param>
/// <param name="Code">The code for the kernel (same line count as the cell up to the segment's end).</param>
/// <param name="FirstLine">1-based cell line where the segment starts.</param>
internal sealed record CellSegment(string KernelName, MagicCommand? Options, IReadOnlyList<MagicCommand> Magics, string Code, int FirstLine)
{
    /// <summary>
    /// Splits <paramref name="source"/> at its kernel switches (<c>#!name</c> lines naming a kernel),
    /// as .NET Interactive does: the part before the first switch goes to <paramref name="defaultKernel"/>.
    /// Other <c>#!</c> lines become magic commands of their segment. Lines of the C# kernel that start
    /// with <c>#r</c>/<c>#i</c> are left to that kernel.
    /// </summary>
    public static List<CellSegment> Split(string source, string defaultKernel, Func<string, bool> isKernel)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var segments = new List<CellSegment>();
        var kernel = defaultKernel;
        MagicCommand? options = null;
        var magics = new List<MagicCommand>();
        var code = new List<string>();
        var first = 1;
        void Flush(int nextFirst)
        {
            if (code.Any(l => l.Trim().Length > 0) || magics.Count > 0 || options is not null)
            {
                // Blank lines in front keep the kernel's line numbers those of the cell.
                var padded = Enumerable.Repeat("", first - 1).Concat(code);
                segments.Add(new CellSegment(kernel, options, [.. magics], string.Join('\n', padded), first));
            }
            magics = [];
            code = [];
            first = nextFirst;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && trimmed.Length > 2 && !char.IsWhiteSpace(trimmed[2]))
            {
                var magic = MagicCommand.Parse(trimmed, i + 1);
                if (magic.Name == "value" || isKernel(magic.Name))
                {
                    Flush(i + 1);
                    kernel = magic.Name;
                    options = magic;
                    code.Add("");
                    continue;
                }
                magics.Add(magic);
                code.Add("");
                continue;
            }
            code.Add(lines[i]);
        }
        Flush(lines.Length + 1);
        return segments;
    }
}
