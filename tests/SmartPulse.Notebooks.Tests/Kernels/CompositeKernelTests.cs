using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

public sealed class CompositeKernelTests
{
    private static string Plain(CellOutput o) => o.PlainText() ?? o.Text ?? "";

    private static async Task<CellExecutionResult> Ok(CompositeKernel k, string code, string? kernel = null)
    {
        var r = await k.ExecuteAsync(code, kernelName: kernel);
        Assert.True(r.Succeeded, r.ErrorSummary);
        return r;
    }

    [Fact]
    public async Task Csharp_cells_run_and_share_one_counter_with_other_kernels()
    {
        using var k = new CompositeKernel();
        var a = await Ok(k, "var x = 20 + 1;\nx");
        Assert.Equal(1, a.ExecutionCount);
        Assert.Equal("21", Plain(a.Outputs.Single()));
        var b = await Ok(k, "<b>hi</b>", "html");
        Assert.Equal(2, b.ExecutionCount);
        Assert.Equal("<b>hi</b>", b.Outputs.Single().Data["text/html"]!.GetValue<string>());
        var c = await Ok(k, "x * 2");
        Assert.Equal(3, c.ExecutionCount);
        Assert.Equal(3, c.Outputs.Single().ExecutionCount);
        Assert.Equal("42", Plain(c.Outputs.Single()));
    }

    [Fact]
    public async Task First_line_switch_and_mid_cell_switch_route_parts()
    {
        using var k = new CompositeKernel();
        var r = await Ok(k, "#!html\n<i>a</i>\n#!javascript\nconsole.log(1)\n#!csharp\n1 + 1");
        Assert.Equal(3, r.Outputs.Count);
        Assert.Equal("<i>a</i>", r.Outputs[0].Data["text/html"]!.GetValue<string>());
        Assert.Equal("console.log(1)", r.Outputs[1].Data["application/javascript"]!.GetValue<string>());
        Assert.Equal("2", Plain(r.Outputs[2]));
    }

    [Fact]
    public async Task Markdown_and_mermaid_cells_show_their_mime_types()
    {
        using var k = new CompositeKernel();
        var md = await Ok(k, "#!markdown\n# Title");
        Assert.Equal("# Title", md.Outputs.Single().Data["text/markdown"]!.GetValue<string>());
        var mm = await Ok(k, "graph LR\n  load --> profile", "mermaid");
        var data = mm.Outputs.Single().Data;
        Assert.Equal("graph LR\n  load --> profile", data["text/vnd.mermaid"]!.GetValue<string>());
        var html = data["text/html"]!.GetValue<string>();
        Assert.Contains("<pre class=\"mermaid\" id=\"mermaid-", html);
        Assert.Contains("load --&gt; profile", html);
        // The id is derived from the diagram: same text, same bytes.
        var again = await Ok(k, "#!mermaid\ngraph LR\n  load --> profile");
        Assert.Equal(html, again.Outputs.Single().Data["text/html"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_kernel_and_magic_list_what_exists()
    {
        using var k = new CompositeKernel();
        var pwsh = await k.ExecuteAsync("#!pwsh\nGet-Date");
        Assert.False(pwsh.Succeeded);
        Assert.Contains("unknown kernel 'pwsh'", pwsh.Error!.ErrorValue);
        Assert.Contains("csharp, fsharp, sql, html, javascript, markdown, mermaid, value", pwsh.Error.ErrorValue);
        var magic = await k.ExecuteAsync("#!nosuch\n1");
        Assert.Contains("unknown magic command or kernel '#!nosuch'", magic.Error!.ErrorValue);
        Assert.Contains("#!share", magic.Error.ErrorValue);
        var meta = await k.ExecuteAsync("1", kernelName: "kql");
        Assert.Contains("unknown kernel 'kql'", meta.Error!.ErrorValue);
    }

    [Fact]
    public async Task Set_literal_json_and_from_other_kernel()
    {
        using var k = new CompositeKernel();
        await Ok(k, "#!set --name greeting --value \"hello world\"");
        Assert.Equal("hello world", Plain((await Ok(k, "greeting")).Outputs.Single()));
        await Ok(k, "#!set --name n --value 41 --mime-type application/json\nn + 1");
        Assert.True(k.TryGetVariable("csharp", "n", out var n));
        Assert.Equal(41L, n);
        await Ok(k, "#!value --name note\nplain text\nsecond line");
        await Ok(k, "#!set --name fromValue --value @value:note");
        Assert.True(k.TryGetVariable("csharp", "fromValue", out var v));
        Assert.Equal("plain text\nsecond line", v);
        var input = await k.ExecuteAsync("#!set --name secret --value @input:\"Your name\"");
        Assert.Contains("asks for input", input.Error!.ErrorValue);
    }

    [Fact]
    public async Task Set_input_uses_the_input_callback()
    {
        using var k = new CompositeKernel(new CompositeKernelOptions { Input = (prompt, password) => $"{prompt}|{password}" });
        await Ok(k, "#!set --name who --value @password:\"Token\"");
        Assert.True(k.TryGetVariable("csharp", "who", out var v));
        Assert.Equal("Token|True", v);
    }

    [Fact]
    public async Task Share_missing_variable_lists_variables_by_kernel()
    {
        using var k = new CompositeKernel();
        await Ok(k, "var alpha = 1; var beta = \"b\";");
        await Ok(k, "#!value --name cfg\nx=1");
        var r = await k.ExecuteAsync("#!share --from csharp gamma", kernelName: "value");
        Assert.False(r.Succeeded);
        Assert.Contains("kernel csharp has no variable 'gamma'", r.Error!.ErrorValue);
        Assert.Contains("csharp: alpha, beta", r.Error.ErrorValue);
        Assert.Contains("value: cfg", r.Error.ErrorValue);
    }

    [Fact]
    public async Task Who_whos_lsmagic_about_and_help()
    {
        using var k = new CompositeKernel();
        await Ok(k, "var a = 1; var name = \"Ann\";");
        Assert.Equal("a\tname", Plain((await Ok(k, "#!who")).Outputs.Single()));
        var whos = Plain((await Ok(k, "#!whos")).Outputs.Single());
        Assert.Equal("Variable  Type    Value\n--------  ------  -----\na         Int32   1\nname      String  Ann\n(2 rows)", whos);
        var ls = Plain((await Ok(k, "#!lsmagic")).Outputs.Single());
        Assert.Contains("#!share", ls);
        Assert.Contains("#!sql", ls);
        Assert.Contains("SmartPulse notebook engine", Plain((await Ok(k, "#!about")).Outputs.Single()));
        var help = Plain((await Ok(k, "#!set -h")).Outputs.Single());
        Assert.StartsWith("#!set: Set a variable", help);
        Assert.Contains("--byref", help);
        Assert.Contains("#!sql [--name <value>]", Plain((await Ok(k, "#!sql -h")).Outputs.Single()));
        var bad = await k.ExecuteAsync("#!share --form csharp a");
        Assert.Contains("unknown option '--form'", bad.Error!.ErrorValue);
    }

    [Fact]
    public async Task Time_works_in_every_kernel()
    {
        using var k = new CompositeKernel();
        var html = await Ok(k, "#!html\n#!time\n<p>x</p>");
        Assert.StartsWith("Wall time: ", Plain(html.Outputs[^1]));
        var cs = await Ok(k, "#!time\n1");
        Assert.Equal(2, cs.Outputs.Count);
        Assert.StartsWith("Wall time: ", Plain(cs.Outputs[^1]));
    }

    [Fact]
    public async Task Html_javascript_css_helpers()
    {
        using var k = new CompositeKernel();
        var h = await Ok(k, "HTML(\"<b>x</b>\")");
        Assert.Equal("<b>x</b>", h.Outputs.Single().Data["text/html"]!.GetValue<string>());
        var j = await Ok(k, "Javascript(\"alert(1)\")");
        Assert.Equal("<script type=\"text/javascript\">\nalert(1)\n</script>", j.Outputs.Single().Data["text/html"]!.GetValue<string>());
        var c = await Ok(k, "CSS(\"p { color: red }\");");
        Assert.Equal("<style>\np { color: red }\n</style>", c.Outputs.Single().Data["text/html"]!.GetValue<string>());
    }

    [Fact]
    public async Task Value_kernel_from_file_and_mime_type()
    {
        using var files = new TestFiles();
        File.WriteAllText(files.PathOf("cfg.json"), "{\"k\": 3}");
        using var k = new CompositeKernel(new CompositeKernelOptions { Session = new ScriptSessionOptions { BaseDirectory = files.Root } });
        var r = await Ok(k, "#!value --name cfg --from-file cfg.json --mime-type application/json");
        Assert.Equal(3, r.Outputs.Single().Data["application/json"]!["k"]!.GetValue<int>());
        await Ok(k, "#!share --from value cfg --as cfgText");
        Assert.Equal("{\"k\": 3}", Plain((await Ok(k, "cfgText")).Outputs.Single()));
        var missing = await k.ExecuteAsync("#!value --name x --from-file nope.txt");
        Assert.Contains("file not found", missing.Error!.ErrorValue);
    }

    [Fact]
    public async Task Csharp_share_of_dataframe_keeps_the_type()
    {
        using var k = new CompositeKernel(new CompositeKernelOptions { Session = new ScriptSessionOptions { References = [typeof(DataFrame).Assembly] } });
        await Ok(k, "#!value --name t\nabc");
        await Ok(k, "#!share --from value t --as copy\ncopy.Length");
        await Ok(k, "var df = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"a\", new[] { 1, 2, 3 }));");
        await Ok(k, "#!share --from csharp df --as df2\nvar rows = df2.Rows.Count;");
        Assert.True(k.TryGetVariable("csharp", "rows", out var rows));
        Assert.Equal(3L, rows);
    }
}
