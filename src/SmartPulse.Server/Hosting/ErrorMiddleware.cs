using Microsoft.AspNetCore.Http;
using SmartPulse.Server.App.Pages;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// Turns rejected input into answers: <see cref="InputException"/> and Kestrel's oversize-body error become
/// <c>application/problem+json</c> for API clients, or an escaped HTML error page for browsers.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (InputException ex) when (!context.Response.HasStarted)
        {
            await Answer(context, ex);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Answer(context, new InputException(
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than the server accepts; send less data (see --max-upload and --max-body)." : "The request is malformed: " + ex.Message,
                status: ex.StatusCode, title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request"));
        }
    }

    private static async Task Answer(HttpContext context, InputException ex)
    {
        var wantsHtml = !context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsHtml)
        {
            context.Response.StatusCode = ex.Status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Layout.Page(ex.Title, $"<h1>{SmartPulse.Text.HtmlText.Encode(ex.Title)}</h1>{Layout.Error(ex.Message)}<p><a href=\"/\">Back to the start</a></p>"));
            return;
        }

        await Problems.From(ex).ExecuteAsync(context);
    }
}
