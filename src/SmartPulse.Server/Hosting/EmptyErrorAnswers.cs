using Microsoft.AspNetCore.Http;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// Fills error answers the framework leaves empty (no such route, wrong method, wrong content type) with a problem that
/// says what to do, so API clients always get <c>application/problem+json</c>.
/// </summary>
internal static class EmptyErrorAnswers
{
    /// <summary>Writes the problem for the response's status.</summary>
    public static Task WriteAsync(HttpContext context)
    {
        var (title, detail) = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Not found", $"There is no endpoint at {context.Request.Path}. The API is /api/score, /api/models, /api/models/{{name}}, /healthz; the document is /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{context.Request.Method} is not accepted at {context.Request.Path}; see /openapi/v1.json."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", $"Content-Type '{context.Request.ContentType}' is not accepted here; send application/json or text/csv."),
            var status => ("HTTP " + status, "The request could not be handled."),
        };
        return Problems.Write(context, context.Response.StatusCode, title, detail);
    }
}
