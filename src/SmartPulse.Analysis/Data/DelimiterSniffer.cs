namespace SmartPulse.Analysis.Data;

/// <summary>
/// Chooses the delimiter among comma, tab and semicolon: the candidate that occurs (outside quotes)
/// in the header and the same number of times on most of the first 50 lines wins; ties prefer
/// the higher count, then comma, tab, semicolon.
/// </summary>
internal static class DelimiterSniffer
{
    private static readonly char[] _candidates = [',', '\t', ';'];

    public static char Sniff(string text)
    {
        var lines = FirstLines(text, 50);
        if (lines.Count == 0)
        {
            return ',';
        }

        var best = ',';
        var bestScore = (Consistent: -1, Count: -1);
        foreach (var candidate in _candidates)
        {
            var headerCount = CountOutsideQuotes(lines[0], candidate);
            if (headerCount == 0)
            {
                continue;
            }

            var consistent = lines.Count(l => CountOutsideQuotes(l, candidate) == headerCount);
            var score = (consistent, headerCount);
            if (score.consistent > bestScore.Consistent || (score.consistent == bestScore.Consistent && score.headerCount > bestScore.Count))
            {
                best = candidate;
                bestScore = (score.consistent, score.headerCount);
            }
        }

        return best;
    }

    private static List<string> FirstLines(string text, int max)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (lines.Count < max && reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
