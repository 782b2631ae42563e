using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Notebooks.Tests.Runner;

public sealed class PapermillParametersTests
{
    [Theory]
    [InlineData("True", "true")]
    [InlineData("False", "false")]
    [InlineData("None", "null")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("3000000000", "3000000000L")]
    [InlineData("0.5", "0.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1e-05", "1E-05")]
    [InlineData("nan", "double.NaN")]
    [InlineData("-inf", "double.NegativeInfinity")]
    [InlineData("hello", "\"hello\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("café", "\"caf\\u00e9\"")]
    public void TypesValuesLikePapermillAndWritesCSharpLiterals(string raw, string literal) =>
        Assert.Equal(literal, PapermillParameters.ToCSharp(PapermillParameters.ParseValue(raw)));

    [Fact]
    public void InjectsAfterTheParametersCellReplacingAnEarlierInjection()
    {
        var notebook = NotebookFile.Load(TestFiles.FixturePath("parameters.ipynb"));
        PapermillParameters.Inject(notebook, [new("alpha", "1")]);
        PapermillParameters.Inject(notebook, [new("alpha", "2"), new("missing", "None")], allowUnknown: true);

        var injected = Assert.Single(notebook.Cells, c => c.HasTag(PapermillParameters.InjectedTag));
        Assert.Equal(2, notebook.Cells.IndexOf(injected));
        Assert.Equal("// Parameters\ndouble alpha = 2.0;\nobject missing = null;", injected.Source);
    }

    [Fact]
    public void InjectsAtTheTopWithoutAParametersCellAndRejectsBadNames()
    {
        var notebook = NotebookFile.Load(TestFiles.FixturePath("success.ipynb"));
        PapermillParameters.Inject(notebook, [new("n", "1")], allowUnknown: true);
        Assert.True(notebook.Cells[0].HasTag(PapermillParameters.InjectedTag));
        Assert.Contains("'1x' is not a valid C# identifier", Assert.Throws<ArgumentException>(() => PapermillParameters.Inject(notebook, [new("1x", "1")])).Message);
    }
}
