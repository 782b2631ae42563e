using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Builds the <c>error</c> outputs of the engine: compile errors with cell-relative
/// <c>(line,column)</c>, exceptions with a traceback whose frames in cell code read
/// <c>in {cell}:line N</c> (scripting-infrastructure frames removed, library source paths reduced to
/// the file name so tracebacks read the same on every machine), and engine errors.
/// </summary>
public static partial class ErrorOutputs
{
    /// <summary>The <c>ename</c> of a compile error.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The <c>ename</c> of a cell that exceeded its timeout.</summary>
    public const string TimeoutError = "TimeoutError";

    /// <summary>The <c>ename</c> of a cell for a kernel other than C#.</summary>
    public const string UnsupportedKernel = "UnsupportedKernelError";

    /// <summary>The <c>ename</c> of a failed or unsupported directive.</summary>
    public const string DirectiveError = "DirectiveError";

    /// <summary>An error output from compiler diagnostics (errors only).</summary>
    /// <param name="diagnostics">The diagnostics of the cell's compilation.</param>
    /// <returns>The output: ename <see cref="CompilationError"/>, one line per error in evalue and traceback.</returns>
    public static CellOutput FromDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .ToList();
        return CellOutput.Error(CompilationError, string.Join("\n", lines), lines);
    }

    /// <summary>An error output from an exception thrown by cell code.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The output: ename the exception's full type name, evalue its message.</returns>
    public static CellOutput FromException(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var traceback = exception.ToString()
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Where(line => !IsInfrastructure(line))
            .Select(line => SourcePath().Replace(SubmissionFrame().Replace(SubmissionType().Replace(line, ""), "<cell>"), " in ${file}:line "))
            .ToList();
        return CellOutput.Error(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>An error output raised by the engine itself (timeout, directive, unsupported kernel).</summary>
    /// <param name="name">The ename.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <returns>The output.</returns>
    public static CellOutput Engine(string name, string message) => CellOutput.Error(name, message, [$"{name}: {message}"]);

    private static bool IsInfrastructure(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("--- End of stack trace from previous location", StringComparison.Ordinal)
            || (t.StartsWith("at ", StringComparison.Ordinal)
                && (t.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                    || t.Contains("System.Runtime.CompilerServices.", StringComparison.Ordinal)
                    || t.Contains("System.Runtime.ExceptionServices.", StringComparison.Ordinal)
                    || t.Contains("System.Threading.Tasks.Task", StringComparison.Ordinal)
                    || t.Contains("System.Threading.ExecutionContext", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"Submission#\d+\.<<Initialize>>d__\d+\.MoveNext\(\)")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"Submission#\d+\.(?!<<Initialize>>)")]
    private static partial Regex SubmissionType();

    // Library frames carry the build machine's absolute source path; keep the file name only so the
    // same error reads the same on every machine.
    [GeneratedRegex(@" in (?:[^:]*[/\\])(?<file>[^/\\]+):line ")]
    private static partial Regex SourcePath();
}
