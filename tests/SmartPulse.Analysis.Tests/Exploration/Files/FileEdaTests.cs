using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Serialization;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Exploration.Files;

namespace SmartPulse.Analysis.Tests.Exploration.Files;

/// <summary>
/// EDA over files through the shared DuckDB engine and the streaming reader: toy files with
/// hand-computed expectations, both engines equal to the in-memory <see cref="Eda"/> on the real
/// datasets, and bad input that DuckDB hands to the streaming reader for its exact error.
/// </summary>
public sealed class FileEdaTests : IDisposable
{
    // age present 20, 40, 30, 50: mean 35; squared deviations 225+25+25+225 = 500, std = sqrt(500/3);
    // sorted 20,30,40,50 at positions (n−1)q = 0.75, 1.5, 2.25 → 27.5, 35, 42.5.
    // income present 1.5, 2.5, 4.0, 2.0: mean 2.5; squared deviations 1+0+2.25+0.25 = 3.5, std = sqrt(3.5/3);
    // sorted 1.5,2,2.5,4 → 1.875, 2.25, 2.875. city: Oslo 2, Paris 2 (tie → Oslo, seen first), one missing.
    private const string Toy = "id,age,income,city\n1,20,1.5,Oslo\n2,,2.5,Paris\n3,40,NA,Oslo\n4,30,4.0,\n5,50,2.0,Paris\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-fileeda-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(ProfileEngine.DuckDb)]
    [InlineData(ProfileEngine.Stream)]
    public void ToyDescribeMatchesTheHandComputedValues(ProfileEngine engine)
    {
        var profile = FileEda.Profile(Write("toy.csv", Toy), engine: engine);
        Assert.Equal(engine, profile.Engine);
        Assert.Null(profile.EngineNote);
        Assert.Equal(',', profile.Delimiter);
        var d = profile.Describe;
        Assert.Equal(5, d.Rows);
        Assert.Equal([ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Double, ColumnKind.Text], profile.Columns.Select(c => c.Kind));
        Assert.Equal([("id", 0L, 0.0), ("age", 1L, 20.0), ("income", 1L, 20.0), ("city", 1L, 20.0)], profile.Missing().Select(m => (m.Column, m.Missing, m.Percent)));
        var age = d["age"];
        Assert.Equal((4L, 35.0, 20.0, 27.5, 35.0, 42.5, 50.0), (age.Count, age.Mean, age.Min, age.Q25, age.Median, age.Q75, age.Max));
        Assert.Equal(Math.Sqrt(500.0 / 3), age.Std, 12);
        var income = d["income"];
        Assert.Equal((4L, 2.5, 1.5, 1.875, 2.25, 2.875, 4.0), (income.Count, income.Mean, income.Min, income.Q25, income.Median, income.Q75, income.Max));
        Assert.Equal(Math.Sqrt(3.5 / 3), income.Std, 12);
        Assert.Equal(new CategoricalSummary("city", 4, 2, "Oslo", 2), Assert.Single(d.Categorical));
    }

    [Theory]
    [InlineData(ProfileEngine.DuckDb)]
    [InlineData(ProfileEngine.Stream)]
    public void ToyGroupByMatchesTheHandComputedValues(ProfileEngine engine)
    {
        // Oslo: rows 1, 3 → age 20, 40 (count 2, mean 30, median 30); Paris: rows 2, 5 → age –, 50; row 4 has no city.
        var result = FileEda.SummarizeBy(Write("toy.csv", Toy), "city", ["age", "income"], engine: engine);
        Assert.Equal(1, result.RowsWithMissingKey);
        Assert.Equal(["Oslo", "Paris"], result.Groups.Select(g => g.Group));
        Assert.Equal([2L, 2], result.Groups.Select(g => g.Size));
        Assert.Equal(new GroupStats(2, 30, 30), result.Groups[0].Values["age"]);
        Assert.Equal(new GroupStats(1, 50, 50), result.Groups[1].Values["age"]);
        Assert.Equal(new GroupStats(1, 1.5, 1.5), result.Groups[0].Values["income"]);
        Assert.Equal(new GroupStats(2, 2.25, 2.25), result.Groups[1].Values["income"]);
    }

    public static TheoryData<string> RealFiles => new() { "Mall_Customers.csv", "Customers.csv", "marketing_campaign.csv", "ifood_df.csv" };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void DuckDbStreamedAndInMemoryDescribeAgreeOnTheRealDatasets(string file)
    {
        var path = DataDirectory.Resolve(file);
        var memory = Eda.Describe(CsvLoader.Load(path));
        var stream = FileEda.Profile(path, engine: ProfileEngine.Stream);
        var duck = FileEda.Profile(path, engine: ProfileEngine.DuckDb);
        Assert.Equal(ProfileEngine.DuckDb, duck.Engine);
        Assert.Equal(stream.Columns, duck.Columns);
        Assert.Equal(memory.Numeric, stream.Describe.Numeric);
        Assert.Equal(memory.Categorical, duck.Describe.Categorical);
        Assert.Equal(memory.Rows, duck.Describe.Rows);
        Assert.Equal(memory.Numeric.Select(s => s.Column), duck.Describe.Numeric.Select(s => s.Column));
        foreach (var (m, d) in memory.Numeric.Zip(duck.Describe.Numeric))
        {
            Assert.Equal(m.Count, d.Count);
            foreach (var (a, b) in new[] { (m.Mean, d.Mean), (m.Std, d.Std), (m.Min, d.Min), (m.Q25, d.Q25), (m.Median, d.Median), (m.Q75, d.Q75), (m.Max, d.Max) })
            {
                Assert.True(Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)), $"{file} {m.Column}: in-memory {a:R}, DuckDB {b:R}");
            }
        }
    }

    [Fact]
    public void DuckDbGroupByEqualsTheInMemoryGroupByOnMall()
    {
        var path = DataDirectory.Resolve("Mall_Customers.csv");
        var memory = CsvLoader.Load(path).SummarizeBy("Genre", "Age", "Annual Income (k$)");
        var duck = FileEda.SummarizeBy(path, "Genre", ["Age", "Annual Income (k$)"], engine: ProfileEngine.DuckDb);
        Assert.Equal(memory.Groups.Select(g => (g.Group, g.Size)), duck.Groups.Select(g => (g.Group, g.Size)));
        foreach (var (m, d) in memory.Groups.Zip(duck.Groups))
        {
            foreach (var column in memory.ValueColumns)
            {
                Assert.Equal(m.Values[column].Count, d.Values[column].Count);
                Assert.Equal(m.Values[column].Mean, d.Values[column].Mean, 12);
                Assert.Equal(m.Values[column].Median, d.Values[column].Median, 12);
            }
        }
    }

    [Fact]
    public void MixedTypeColumnLateInTheFileNamesItsFirstTextValueAndLineUnderEitherEngine()
    {
        // DuckDB sniffs the first 20,480 rows as BIGINT, then meets 'abc' on line 30,002 and hands the file to the streaming reader.
        var sb = new StringBuilder("x,y\n");
        for (var i = 0; i < 30000; i++)
        {
            sb.Append(i).Append(',').Append(i % 7).Append('\n');
        }

        sb.Append("30000,abc\n30001,5\n");
        var path = Write("late.csv", sb.ToString());
        var profile = FileEda.Profile(path, engine: ProfileEngine.DuckDb);
        Assert.Equal(ProfileEngine.Stream, profile.Engine);
        Assert.StartsWith("DuckDB declined: ", profile.EngineNote);
        var y = profile.Columns.Single(c => c.Name == "y");
        Assert.Equal(ColumnKind.Text, y.Kind);
        Assert.Equal(new NonNumericValue("abc", 30002), y.FirstNonNumeric);
    }

    [Theory]
    [InlineData(ProfileEngine.DuckDb)]
    [InlineData(ProfileEngine.Stream)]
    public void MalformedRowDeepInTheFileNamesLineAndColumn(ProfileEngine engine)
    {
        var sb = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 50000; i++)
        {
            sb.Append(i).Append(",2,3\n");
        }

        sb.Append("1,2\n");
        var ex = Assert.Throws<CsvFormatException>(() => FileEda.Profile(Write("deep.csv", sb.ToString()), engine: engine));
        Assert.Equal(50002, ex.Line);
        Assert.Equal("b", ex.Column);
        Assert.Contains("expected 3 fields", ex.Message);
    }

    [Theory]
    [InlineData(ProfileEngine.DuckDb)]
    [InlineData(ProfileEngine.Stream)]
    public void TruncatedGzipIsAClearError(ProfileEngine engine)
    {
        var sb = new StringBuilder("a,b\n");
        for (var i = 0; i < 20000; i++)
        {
            sb.Append(i).Append(',').Append(i * 7 % 13).Append('\n');
        }

        using var memory = new MemoryStream();
        using (var gz = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        var bytes = memory.ToArray();
        var path = Write("cut.csv.gz", bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<CsvFormatException>(() => FileEda.Profile(path, engine: engine));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Theory]
    [InlineData(ProfileEngine.DuckDb)]
    [InlineData(ProfileEngine.Stream)]
    public async Task ParquetWithANestedColumnNamesTheColumnAndItsType(ProfileEngine engine)
    {
        var path = Path.Combine(_dir, "nested.parquet");
        await ParquetSerializer.SerializeAsync(new[] { new Tagged { Id = 1, Tags = ["a", "b"] }, new Tagged { Id = 2, Tags = ["c"] } }, path);
        var ex = Assert.Throws<CsvFormatException>(() => FileEda.Profile(path, engine: engine));
        Assert.Equal("Tags", ex.Column);
        Assert.Contains("List", ex.Message);
        Assert.Contains("not supported", ex.Message);
    }

    [Fact]
    public void AutoPicksTheStreamingReaderForSmallFilesAndForOptionsDuckDbCannotExpress()
    {
        var small = Write("toy.csv", Toy);
        Assert.Equal(ProfileEngine.Stream, FileEda.Choose(small));
        Assert.Equal(ProfileEngine.Stream, FileEda.Profile(small).Engine);
        // 16 MiB with a text column → DuckDB; the same size all numbers → the streaming reader (measured faster there).
        var big = Path.Combine(_dir, "big.csv");
        var numbers = Path.Combine(_dir, "numbers.csv");
        using (var text = new StreamWriter(big))
        using (var numeric = new StreamWriter(numbers))
        {
            text.Write("id,city\n");
            numeric.Write("id,spend\n");
            for (var i = 0; text.BaseStream.Length < FileEda.AutoDuckDbBytes; i++)
            {
                text.Write($"{i},{(i % 2 == 0 ? "Oslo" : "Paris")}\n");
                numeric.Write($"{i},{i % 97}.25\n");
            }
        }

        Assert.Equal(ProfileEngine.DuckDb, FileEda.Choose(big));
        Assert.Equal(ProfileEngine.Stream, FileEda.Choose(numbers));
        Assert.Equal(ProfileEngine.Stream, FileEda.Choose(big, new CsvOptions { Numbers = new NumberFormat(',', '.') }));
        Assert.Equal(ProfileEngine.Stream, FileEda.Choose(big, new CsvOptions { Encoding = Encoding.Latin1 }));
    }

    [Fact]
    public void UnknownEngineNameListsTheValidOnes()
    {
        Assert.Equal(ProfileEngine.DuckDb, FileEda.ParseEngine("DuckDB"));
        var ex = Assert.Throws<ArgumentException>(() => FileEda.ParseEngine("spark"));
        Assert.Contains("'spark'", ex.Message);
        Assert.Contains("auto, duckdb, stream", ex.Message);
    }

    internal sealed class Tagged
    {
        public int Id { get; set; }

        public List<string> Tags { get; set; } = [];
    }
}
