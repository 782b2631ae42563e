using Microsoft.AspNetCore.Http;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// RFC 9457 problem details (<c>application/problem+json</c>) for every error the server returns. Input errors carry
/// <c>field</c>, <c>row</c> (0-based, as sent) and <c>value</c> extensions when they apply.
/// </summary>
internal static class Problems
{
    /// <summary>A problem result.</summary>
    public static IResult Result(int status, string title, string detail, string? field = null, int? row = null, string? value = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (field is not null)
        {
            extensions["field"] = field;
        }

        if (row is not null)
        {
            extensions["row"] = row;
        }

        if (value is not null)
        {
            extensions["value"] = value;
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>The problem for a rejected input.</summary>
    public static IResult From(InputException ex) => Result(ex.Status, ex.Title, ex.Message, ex.Field, ex.Row, ex.Value);

    /// <summary>Writes a problem from middleware.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Result(status, title, detail).ExecuteAsync(context);
}
