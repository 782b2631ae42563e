using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Compares the outputs of a re-executed notebook with those stored in its source (for
/// <c>smartpulse run --check</c>). Code cells are paired in order, ignoring injected-parameter and
/// error-banner cells; cells containing <c>#!time</c> are skipped because their output is a
/// wall time. Outputs are compared in their canonical .ipynb JSON form.
/// </summary>
public static class OutputComparer
{
    /// <summary>Lists the code cells whose outputs differ.</summary>
    /// <param name="stored">The notebook as stored (the expected outputs).</param>
    /// <param name="executed">The re-executed copy.</param>
    /// <returns>One entry per differing cell, in order.</returns>
    public static IReadOnlyList<OutputDifference> Compare(Notebook stored, Notebook executed)
    {
        static List<(int Index, NotebookCell Cell)> CodeCells(Notebook nb) =>
        [
            // Positions as the runner reports them: the error banner is not counted.
            .. nb.Cells.Where(c => !c.HasTag(NotebookRunner.ErrorBannerTag))
                .Select((c, i) => (Index: i + 1, Cell: c))
                .Where(p => p.Cell.CellType == CellType.Code && !p.Cell.HasTag(PapermillParameters.InjectedTag)),
        ];

        var expected = CodeCells(stored);
        var actual = CodeCells(executed);
        var differences = new List<OutputDifference>();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= expected.Count || i >= actual.Count)
            {
                var (index, cell) = i < actual.Count ? actual[i] : expected[i];
                differences.Add(new OutputDifference(index, cell.Id ?? "", "the notebooks have different numbers of code cells", "", ""));
                continue;
            }

            var (_, storedCell) = expected[i];
            var (executedIndex, executedCell) = actual[i];
            if (executedCell.Source.Contains("#!time", StringComparison.Ordinal))
            {
                continue;
            }

            var want = string.Join("\n", storedCell.Outputs.Select(IpynbFormat.OutputJson));
            var got = string.Join("\n", executedCell.Outputs.Select(IpynbFormat.OutputJson));
            if (want != got)
            {
                var wantLines = want.Split('\n');
                var gotLines = got.Split('\n');
                var line = 0;
                while (line < wantLines.Length && line < gotLines.Length && wantLines[line] == gotLines[line])
                {
                    line++;
                }

                var summary = storedCell.Outputs.Count != executedCell.Outputs.Count
                    ? $"{storedCell.Outputs.Count} stored output(s), {executedCell.Outputs.Count} now"
                    : "output content differs";
                differences.Add(new OutputDifference(
                    executedIndex,
                    executedCell.Id ?? "",
                    summary,
                    line < wantLines.Length ? wantLines[line].Trim() : "(nothing)",
                    line < gotLines.Length ? gotLines[line].Trim() : "(nothing)"));
            }
        }

        return differences;
    }
}
