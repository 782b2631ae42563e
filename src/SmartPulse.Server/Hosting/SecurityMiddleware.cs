using Microsoft.AspNetCore.Http;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// Runs before every endpoint: sets the security headers (a CSP with no remote origin, no framing, no sniffing, no
/// referrer to other sites), demands the API key on <c>/api/*</c> when one is configured, and the login cookie on the app's pages when a
/// login token is configured.
/// </summary>
internal sealed class SecurityMiddleware(RequestDelegate next, Secrets secrets)
{
    /// <summary>The Content-Security-Policy: only this server's own scripts, styles, images and connections.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; "
        + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The cookie holding the login proof.</summary>
    public const string LoginCookie = "sp_login";

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin"; // not no-referrer: with it, browsers send "Origin: null" on form posts
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            if (secrets.ApiKey is { } key && !Secrets.Matches(PresentedKey(context.Request), key))
            {
                headers.WWWAuthenticate = "Bearer";
                await Problems.Write(context, StatusCodes.Status401Unauthorized, "API key required",
                    "Send the API key in the X-API-Key header (or Authorization: Bearer KEY); the server was started with --api-key or " + ServerOptions.ApiKeyVariable + ".");
                return;
            }
        }
        else if (secrets.LoginToken is not null && !IsPublic(path) && !IsLoggedIn(context))
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect("/login?next=" + Uri.EscapeDataString(path + context.Request.QueryString));
            }
            else
            {
                await Problems.Write(context, StatusCodes.Status401Unauthorized, "Login required", "Log in at /login with the token printed when the server started.");
            }

            return;
        }

        await next(context);
    }

    /// <summary>True when the request carries a valid login cookie.</summary>
    public bool IsLoggedIn(HttpContext context) =>
        secrets.LoginToken is null
        || Secrets.Matches(context.Request.Cookies[LoginCookie], secrets.Sign("login", secrets.LoginToken));

    private static bool IsPublic(PathString path) =>
        path == "/healthz" || path == "/login" || path.StartsWithSegments("/assets");

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-API-Key", out var key))
        {
            return key.ToString();
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
    }
}
