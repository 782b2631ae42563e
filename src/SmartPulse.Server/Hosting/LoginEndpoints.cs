using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartPulse.Server.App;
using SmartPulse.Server.App.Pages;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// <c>/login</c>: when the app needs a login (non-loopback host, or a token given), the token printed at start-up logs a
/// browser in (form POST, or <c>?token=</c> once, like Jupyter); the proof is an HttpOnly, SameSite=Strict cookie.
/// </summary>
internal static class LoginEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder app, Secrets secrets)
    {
        app.MapGet("/login", (HttpContext c, string? token, string? next) =>
        {
            if (secrets.LoginToken is null)
            {
                return Results.Redirect("/");
            }

            return token is not null && Secrets.Matches(token, secrets.LoginToken)
                ? LogIn(c, secrets, next)
                : Form(c, secrets, next, token is null ? null : "That token is not right.");
        }).ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync(c.RequestAborted);
            AppSession.CheckCsrf(c, secrets, form[AppSession.CsrfField]);
            var next = form["next"].ToString();
            return secrets.LoginToken is not null && Secrets.Matches(form["token"].ToString(), secrets.LoginToken)
                ? LogIn(c, secrets, next)
                : Form(c, secrets, next, "That token is not right.");
        }).ExcludeFromDescription();
    }

    private static IResult LogIn(HttpContext context, Secrets secrets, string? next)
    {
        context.Response.Cookies.Append(SecurityMiddleware.LoginCookie, secrets.Sign("login", secrets.LoginToken!), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });

        // Only local paths: never redirect to another site.
        var target = next is { Length: > 0 } n && n.StartsWith('/') && !n.StartsWith("//", StringComparison.Ordinal) && !n.StartsWith("/\\", StringComparison.Ordinal) ? n : "/";
        return Results.Redirect(target);
    }

    private static IResult Form(HttpContext context, Secrets secrets, string? next, string? error)
    {
        var body = "<h1>Log in</h1>" + (error is null ? string.Empty : Layout.Error(error))
            + "<form method=\"post\" action=\"/login\">" + Layout.CsrfField(AppSession.CsrfToken(context, secrets))
            + $"<input type=\"hidden\" name=\"next\" value=\"{SmartPulse.Text.HtmlText.Encode(next ?? "/")}\">"
            + "<label>Token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required></label> <button type=\"submit\">Log in</button>"
            + "<p class=\"hint\">The token was printed when the server started (or set with --login-token / SMARTPULSE_LOGIN_TOKEN).</p></form>";
        return Results.Content(Layout.Page("Log in", body), "text/html; charset=utf-8", null, error is null ? 200 : 401);
    }
}
