using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Tests.Data.Streaming;

/// <summary>
/// The parallel reader (chunks cut at line breaks, parsed apart, merged in file order) against the one-pass
/// reader on the same bytes: same types, missing counts, first non-numeric values and lines, same values,
/// the same describe() (moments within rounding), the same errors and lines, and a fallback for quoted line breaks.
/// Small chunks (a few hundred bytes) make every file here span many chunks.
/// </summary>
public sealed class ParallelCsvReaderTests : IDisposable
{
    private const long OnePass = long.MaxValue / 4;
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-parallel-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("\n", 97)]
    [InlineData("\r\n", 211)]
    [InlineData("\n", 4096)]
    public void ChunksGiveTheSameTableAsTheOnePassReader(string newline, long chunkBytes)
    {
        var path = Write("mixed.csv", MixedFile(3000, newline), bom: true);
        var parallel = ColumnarReader.Read(path, null, null, null, chunkBytes);
        var onePass = ColumnarReader.Read(path, null, null, null, OnePass);
        Assert.Equal(onePass.Rows, parallel.Rows);
        Assert.Equal(onePass.Columns, parallel.Columns);
        Assert.Equal(ColumnKind.Text, parallel.Columns.Single(c => c.Name == "late_text").Kind);
        Assert.Equal(new NonNumericValue("oops", 2403), parallel.Columns.Single(c => c.Name == "late_text").FirstNonNumeric);
        AssertSameFrames(onePass, parallel);
        AssertSameDescribe(onePass, parallel);
    }

    [Fact]
    public void NumericFilesTakeTheFastPathAndGiveTheSameTable()
    {
        var random = new Random(11);
        var sb = new StringBuilder("x,y,z\n");
        for (var i = 0; i < 5000; i++)
        {
            var y = random.Next(20) switch { 0 => "", 1 => "NA", 2 => "1e-3", 3 => "-0.0", _ => (random.NextDouble() * 1e6 - 5e5).ToString("F3", CultureInfo.InvariantCulture) };
            sb.Append(random.Next(-1000, 1000)).Append(',').Append(y).Append(',').Append(i == 4000 ? "2.5" : "7").Append('\n');
        }

        var path = Write("numeric.csv", sb.ToString());
        var parallel = ColumnarReader.Read(path, null, null, null, 500);
        var onePass = ColumnarReader.Read(path, null, null, null, OnePass);
        Assert.Equal(onePass.Columns, parallel.Columns);
        Assert.Equal([ColumnKind.Integer, ColumnKind.Double, ColumnKind.Double], parallel.Columns.Select(c => c.Kind));
        AssertSameFrames(onePass, parallel);
        AssertSameDescribe(onePass, parallel);
    }

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var path = Write("t.csv", MixedFile(2000, "\n"));
        var before = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = 1;
            var one = ColumnarReader.Read(path, null, null, null, 128).Describe();
            Parallelism.MaxThreads = 4;
            var four = ColumnarReader.Read(path, null, null, null, 128).Describe();
            Assert.Equal(one.Numeric, four.Numeric);
            Assert.Equal(one.Categorical, four.Categorical);
        }
        finally
        {
            Parallelism.MaxThreads = before;
        }
    }

    [Fact]
    public void AMalformedRowDeepInTheFileNamesItsLineAcrossChunks()
    {
        var sb = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 5000; i++)
        {
            sb.Append(i).Append(",2.5,3\n");
            if (i == 1000)
            {
                sb.Append('\n'); // a blank line still counts as a line
            }
        }

        sb.Append("1,2\n");
        for (var i = 0; i < 100; i++)
        {
            sb.Append("1,x,3\n"); // later problems must not win
        }

        var path = Write("deep.csv", sb.ToString());
        var parallel = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(path, null, null, null, 300));
        var onePass = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(path, null, null, null, OnePass));
        Assert.Equal(5003, parallel.Line);
        Assert.Equal("b", parallel.Column);
        Assert.Equal(onePass.Message, parallel.Message);
    }

    [Fact]
    public void ABadValueInADeclaredColumnNamesItsLineAndColumn()
    {
        var sb = new StringBuilder("id,n\n");
        for (var i = 0; i < 4000; i++)
        {
            sb.Append(i).Append(',').Append(i == 3217 ? "2.5" : "7").Append('\n');
        }

        var options = new CsvOptions { Schema = [new ColumnSpec("n", ColumnKind.Integer)] };
        var path = Write("declared.csv", sb.ToString());
        var ex = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(path, options, null, null, 256));
        Assert.Equal(3219, ex.Line);
        Assert.Equal("n", ex.Column);
        Assert.Contains("'2.5'", ex.Message);
    }

    [Fact]
    public void QuotedLineBreaksFallBackToTheOnePassReader()
    {
        var sb = new StringBuilder("id,note,v\n");
        for (var i = 0; i < 3000; i++)
        {
            sb.Append(i).Append(',').Append(i % 700 == 5 ? "\"two\nlines, \"\"quoted\"\"\"" : "\"plain, quoted\"").Append(',').Append(i * 0.5).Append('\n');
        }

        sb.Append("3000,x\n"); // one field short, on line 1 + 3000 rows + 5 quoted line breaks + 1
        var path = Write("quoted.csv", sb.ToString());
        var ex = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(path, null, null, null, 200));
        Assert.Equal(3007, ex.Line);
        var good = Write("quoted-ok.csv", sb.ToString()[..sb.ToString().LastIndexOf("3000,x", StringComparison.Ordinal)]);
        var parallel = ColumnarReader.Read(good, null, null, null, 200);
        Assert.Equal("two\nlines, \"quoted\"", parallel.ToDataFrame()["note"][5]);
        AssertSameFrames(ColumnarReader.Read(good, null, null, null, OnePass), parallel);
    }

    private static void AssertSameFrames(ColumnarTable expected, ColumnarTable actual)
    {
        var a = expected.ToDataFrame();
        var b = actual.ToDataFrame();
        Assert.Equal(a.Columns.Select(c => (c.Name, c.DataType)), b.Columns.Select(c => (c.Name, c.DataType)));
        for (var c = 0; c < a.Columns.Count; c++)
        {
            for (long r = 0; r < a.Rows.Count; r++)
            {
                Assert.Equal(a.Columns[c][r], b.Columns[c][r]);
            }
        }
    }

    private static void AssertSameDescribe(ColumnarTable expected, ColumnarTable actual)
    {
        var a = expected.Describe();
        var b = actual.Describe();
        Assert.Equal(a.Categorical, b.Categorical);
        foreach (var (x, y) in a.Numeric.Zip(b.Numeric))
        {
            Assert.Equal((x.Column, x.Count, x.Min, x.Q25, x.Median, x.Q75, x.Max), (y.Column, y.Count, y.Min, y.Q25, y.Median, y.Q75, y.Max));
            Assert.Equal(x.Mean, y.Mean, 1e-12 * Math.Max(1, Math.Abs(x.Mean)));
            Assert.Equal(x.Std, y.Std, 1e-12 * Math.Max(1, Math.Abs(x.Std)));
        }
    }

    /// <summary>
    /// Whole numbers, reals with missing markers, a column missing for its first 500 rows, text with quoted commas,
    /// ISO dates, blank lines, and a numeric-looking column that turns text on line 2402 (a second read).
    /// </summary>
    private static string MixedFile(int rows, string newline)
    {
        var random = new Random(7);
        var sb = new StringBuilder("id,whole,real,late,city,date,late_text").Append(newline);
        for (var i = 0; i < rows; i++)
        {
            var real = random.Next(10) == 0 ? (random.Next(2) == 0 ? "" : "NA") : (random.NextDouble() * 200 - 100).ToString("R", CultureInfo.InvariantCulture);
            var late = i < 500 ? "" : (random.Next(1000) * 0.25).ToString(CultureInfo.InvariantCulture);
            var city = random.Next(3) switch { 0 => "\"Paris, FR\"", 1 => "Oslo", _ => "\"say \"\"hi\"\"\"" };
            var date = new DateTime(2020, 1, 1).AddDays(random.Next(900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var lateText = i == 2400 ? "oops" : random.Next(100).ToString(CultureInfo.InvariantCulture);
            sb.Append(i).Append(',').Append(random.Next(-50, 50)).Append(',').Append(real).Append(',').Append(late).Append(',')
              .Append(city).Append(',').Append(date).Append(',').Append(lateText).Append(newline);
            if (i == 1234)
            {
                sb.Append(newline);
            }
        }

        return sb.ToString();
    }

    private string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_dir, name);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return path;
    }
}
