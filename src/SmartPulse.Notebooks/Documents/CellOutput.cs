using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// One output of a code cell, shaped like nbformat's output objects: <c>stream</c>,
/// <c>display_data</c>, <c>execute_result</c> or <c>error</c>.
/// </summary>
public sealed class CellOutput
{
    /// <summary>nbformat output type for console text.</summary>
    public const string StreamType = "stream";

    /// <summary>nbformat output type for <c>display(x)</c>.</summary>
    public const string DisplayDataType = "display_data";

    /// <summary>nbformat output type for a cell's trailing expression.</summary>
    public const string ExecuteResultType = "execute_result";

    /// <summary>nbformat output type for an exception or a compile error.</summary>
    public const string ErrorType = "error";

    /// <summary>Creates an output of the given nbformat type.</summary>
    /// <param name="outputType">One of the <c>*Type</c> constants.</param>
    public CellOutput(string outputType)
    {
        OutputType = outputType;
    }

    /// <summary>The nbformat <c>output_type</c>.</summary>
    public string OutputType { get; }

    /// <summary>For streams: <c>stdout</c> or <c>stderr</c>.</summary>
    public string? Name { get; set; }

    /// <summary>For streams: the text written.</summary>
    public string? Text { get; set; }

    /// <summary>
    /// For display data and execute results: the mime bundle, mime type → value. Text values are
    /// JSON strings; JSON mime types (<c>application/json</c>, <c>*+json</c>) hold JSON objects.
    /// </summary>
    public JsonObject Data { get; set; } = [];

    /// <summary>Output metadata (display data and execute results).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>For execute results: the cell's execution count.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>For errors: the exception type name (or <c>CompilationError</c>, <c>TimeoutError</c>, ...).</summary>
    public string? ErrorName { get; set; }

    /// <summary>For errors: the message.</summary>
    public string? ErrorValue { get; set; }

    /// <summary>For errors: the traceback lines.</summary>
    public List<string> Traceback { get; set; } = [];

    /// <summary>
    /// For display data created by <c>display(x)</c>: an id (derived from the execution count and
    /// sequence, never random) by which a later <c>DisplayedValue.Update</c> finds it. Not written to
    /// files; a Jupyter kernel sends it as the transient <c>display_id</c>.
    /// </summary>
    public string? DisplayId { get; set; }

    /// <summary>Creates a stream output.</summary>
    /// <param name="name"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="text">The text written.</param>
    /// <returns>The output.</returns>
    public static CellOutput Stream(string name, string text) => new(StreamType) { Name = name, Text = text };

    /// <summary>Creates an error output.</summary>
    /// <param name="name">The error name (exception type).</param>
    /// <param name="value">The message.</param>
    /// <param name="traceback">The traceback lines.</param>
    /// <returns>The output.</returns>
    public static CellOutput Error(string name, string value, IEnumerable<string> traceback) =>
        new(ErrorType) { ErrorName = name, ErrorValue = value, Traceback = [.. traceback] };

    /// <summary>Returns the text/plain value of the mime bundle, or <see langword="null"/>.</summary>
    /// <returns>The plain-text representation if present.</returns>
    public string? PlainText() => Data["text/plain"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A deep copy of this output.</summary>
    /// <returns>The copy.</returns>
    public CellOutput Clone() => new(OutputType)
    {
        Name = Name,
        Text = Text,
        Data = (JsonObject)Data.DeepClone(),
        Metadata = (JsonObject)Metadata.DeepClone(),
        ExecutionCount = ExecutionCount,
        ErrorName = ErrorName,
        ErrorValue = ErrorValue,
        Traceback = [.. Traceback],
        DisplayId = DisplayId,
    };
}
