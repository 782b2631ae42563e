using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

/// <summary>Issue 16 item 4: -p values follow the types the parameters cell declares; undeclared names are refused.</summary>
[Collection(RunnerCollection.Name)]
public sealed class TypedParametersTests : IDisposable
{
    private const string Cell = """
        #!csharp
        var csvPath = "../data/Customers.csv";
        int? k = null;
        var seed = 0;
        var alpha = 0.5;
        bool verbose = false;
        string[] features = ["Age", "Income"];
        var names = new[] { "a", "b" };
        var big = 3000000000L;
        var started = DateTime.UnixEpoch;
        System.Int32 count = 2, other = 3;
        """;

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Notebook WithParameters(string source) => new()
    {
        Cells =
        {
            new NotebookCell(CellType.Code, source) { Metadata = new System.Text.Json.Nodes.JsonObject { ["tags"] = new System.Text.Json.Nodes.JsonArray("parameters") } },
            new NotebookCell(CellType.Code, "k ?? -1"),
        },
    };

    [Fact]
    public void ReadsDeclaredAndLiteralInferredTypes()
    {
        var declared = ParametersCell.Parse(Cell);
        Assert.Equal(
            [("csvPath", "string"), ("k", "int?"), ("seed", "int"), ("alpha", "double"), ("verbose", "bool"), ("features", "string[]"),
             ("names", "string[]"), ("big", "long"), ("started", null), ("count", "int"), ("other", "int")],
            declared.Select(p => (p.Name, p.Type)));
    }

    [Theory]
    [InlineData("k", "4", "int? k = 4;")]
    [InlineData("k", "None", "int? k = null;")]
    [InlineData("k", " -12 ", "int? k = -12;")]
    [InlineData("seed", "7", "int seed = 7;")]
    [InlineData("alpha", "1", "double alpha = 1.0;")]
    [InlineData("alpha", "1e-3", "double alpha = 0.001;")]
    [InlineData("alpha", "nan", "double alpha = double.NaN;")]
    [InlineData("verbose", "True", "bool verbose = true;")]
    [InlineData("verbose", "false", "bool verbose = false;")]
    [InlineData("csvPath", "123", "string csvPath = \"123\";")]
    [InlineData("csvPath", "True", "string csvPath = \"True\";")]
    [InlineData("csvPath", "None", "string csvPath = null;")]
    [InlineData("features", "Age, Annual Income ($)", "string[] features = new string[] { \"Age\", \"Annual Income ($)\" };")]
    [InlineData("features", "[\"a,b\",\"c\"]", "string[] features = new string[] { \"a,b\", \"c\" };")]
    [InlineData("big", "5", "long big = 5L;")]
    [InlineData("started", "2020", "var started = 2020;")]
    public void ValuesBecomeLiteralsOfTheDeclaredType(string name, string raw, string statement)
    {
        var source = PapermillParameters.TypedSource(WithParameters(Cell), [new(name, raw)]);
        Assert.Equal("// Parameters\n" + statement, source);
    }

    [Theory]
    [InlineData("k", "four", "-p k four: parameter 'k' is declared int? in the parameters cell, and 'four' is not a valid int?: expected a whole number from -2147483648 to 2147483647, or None for null.")]
    [InlineData("seed", "None", "-p seed None: parameter 'seed' is declared int in the parameters cell, and 'None' is not a valid int: int cannot be null; declare it int? in the parameters cell to accept None.")]
    [InlineData("seed", "1.5", "-p seed 1.5: parameter 'seed' is declared int in the parameters cell, and '1.5' is not a valid int: expected a whole number from -2147483648 to 2147483647.")]
    [InlineData("alpha", "1,5", "-p alpha 1,5: parameter 'alpha' is declared double in the parameters cell, and '1,5' is not a valid double: expected a number such as 0.5, 1e-3, nan or inf (with '.' as the decimal point).")]
    [InlineData("verbose", "yes", "-p verbose yes: parameter 'verbose' is declared bool in the parameters cell, and 'yes' is not a valid bool: expected True or False.")]
    public void AValueThatDoesNotParseNamesTheParameterTypeAndValue(string name, string raw, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => PapermillParameters.TypedSource(WithParameters(Cell), [new(name, raw)]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void AnUnknownNameListsTheDeclaredNamesUnlessAllowed()
    {
        var notebook = WithParameters(Cell);
        var e = Assert.Throws<ArgumentException>(() => PapermillParameters.Inject(notebook, [new("csvpath", "mine.csv")]));
        Assert.StartsWith(
            "-p csvpath: the parameters cell declares no 'csvpath'; it declares csvPath, k, seed, alpha, verbose, features, names, big, started, count, other. "
            + "Check the spelling (names are case-sensitive) — did you mean 'csvPath'?, or pass --allow-unknown-parameters to inject it anyway.",
            e.Message,
            StringComparison.Ordinal);
        Assert.Equal(2, notebook.Cells.Count);

        PapermillParameters.Inject(notebook, [new("csvpath", "mine.csv")], allowUnknown: true);
        Assert.Equal("// Parameters\nvar csvpath = \"mine.csv\";", notebook.Cells[1].Source);
    }

    [Fact]
    public void WithoutAParametersCellEveryNameIsUnknown()
    {
        var notebook = new Notebook { Cells = { new NotebookCell(CellType.Code, "1") } };
        var e = Assert.Throws<ArgumentException>(() => PapermillParameters.Inject(notebook, [new("k", "4")]));
        Assert.StartsWith("-p k: this notebook has no cell tagged 'parameters', so it declares no parameters.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIntegerIntoANullableIntCompilesAndRuns()
    {
        // Before: "var k = 4;" shadowed "int? k = null;" with an int, and "k ?? -1" failed with CS0019.
        var result = await NotebookRunner.RunAsync(WithParameters("int? k = null;"), await TestKernel.With(new NotebookRunOptions { Parameters = [new("k", "4")] }));
        Assert.True(result.Succeeded, result.Error ?? result.FirstFailure?.Error);
        Assert.Equal("4", result.Notebook.Cells[2].Outputs[0].PlainText());
    }

    [Fact]
    public async Task TheBatchStopsBeforeRunningOnAMisspeltParameterLeavingFilesUntouched()
    {
        var source = _files.Copy("parameters.ipynb");
        var before = File.ReadAllBytes(source);
        var log = new StringWriter();
        var outcome = await BatchRunner.RunAsync(new BatchRunOptions { Paths = [source], OutputDirectory = _files.PathOf("out"), Run = new NotebookRunOptions { Parameters = [new("Alpha", "0.1")] } }, log);
        Assert.Equal(BatchOutcome.InvalidInput, outcome);
        Assert.Contains("error: parameters.ipynb: -p Alpha: the parameters cell declares no 'Alpha'; it declares alpha, label, clusters, verbose.", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(source));
        Assert.False(Directory.Exists(_files.PathOf("out")));
    }
}
