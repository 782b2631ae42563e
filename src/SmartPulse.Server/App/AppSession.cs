using Microsoft.AspNetCore.Http;
using SmartPulse.Server.Hosting;

namespace SmartPulse.Server.App;

/// <summary>
/// The browser session: a random id in an HttpOnly, SameSite=Strict cookie that scopes datasets and jobs, and the CSRF
/// token derived from it (an HMAC with the process key) that every form carries and every POST must return.
/// </summary>
internal static class AppSession
{
    /// <summary>The session cookie.</summary>
    public const string Cookie = "sp_session";

    /// <summary>The form field carrying the CSRF token.</summary>
    public const string CsrfField = "_csrf";

    /// <summary>The session id of the request, creating the cookie when absent or forged.</summary>
    public static string Id(HttpContext context, Secrets secrets)
    {
        if (context.Items.TryGetValue(Cookie, out var cached) && cached is string known)
        {
            return known;
        }

        var raw = context.Request.Cookies[Cookie];
        string id;
        if (raw is not null && raw.Split('.') is [var value, var signature] && Secrets.Matches(signature, secrets.Sign("session", value)))
        {
            id = value;
        }
        else
        {
            id = Secrets.NewId();
            context.Response.Cookies.Append(Cookie, id + "." + secrets.Sign("session", id), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
        }

        context.Items[Cookie] = id;
        return id;
    }

    /// <summary>The CSRF token for the request's session.</summary>
    public static string CsrfToken(HttpContext context, Secrets secrets) => secrets.Sign("csrf", Id(context, secrets));

    /// <summary>
    /// Checks a POST: the presented token must match the session's, and a browser-sent Origin must be this server.
    /// </summary>
    /// <exception cref="InputException">403 when the check fails.</exception>
    public static void CheckCsrf(HttpContext context, Secrets secrets, string? presented)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var expectedOrigin = context.Request.Scheme + "://" + context.Request.Host;
        if (origin.Length > 0 && !string.Equals(origin, expectedOrigin, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"The form was posted from another site ({origin}); reload the page and submit it again.", status: 403, title: "Cross-site request refused");
        }

        if (!Secrets.Matches(presented, CsrfToken(context, secrets)))
        {
            throw new InputException("The form's security token is missing or stale (the server restarted, or cookies are blocked); reload the page and submit it again.", field: CsrfField, status: 403, title: "Cross-site request refused");
        }
    }
}
