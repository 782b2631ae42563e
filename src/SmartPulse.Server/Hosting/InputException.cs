using Microsoft.AspNetCore.Http;

namespace SmartPulse.Server.Hosting;

/// <summary>A request the server rejects, with what was wrong: the field, the row (0-based) and the value, when they apply.</summary>
internal sealed class InputException : Exception
{
    /// <summary>Creates the error; <paramref name="message"/> says what is wrong and how to fix it.</summary>
    public InputException(string message, string? field = null, int? row = null, string? value = null, int status = StatusCodes.Status400BadRequest, string title = "Invalid input")
        : base(message)
    {
        Field = field;
        Row = row;
        Value = value;
        Status = status;
        Title = title;
    }

    /// <summary>The field (column) at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>The row at fault (0-based in the request), or null.</summary>
    public int? Row { get; }

    /// <summary>The offending value as text (truncated to 100 characters), or null.</summary>
    public string? Value { get; }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The problem title.</summary>
    public string Title { get; }
}
