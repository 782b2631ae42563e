using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SmartPulse.Display.Charts;

namespace SmartPulse.Server.Hosting;

/// <summary>The app's static files, all served from this assembly (and plotly.js from SmartPulse.Display's bundled copy): no CDN.</summary>
internal static class Assets
{
    /// <summary>Maps <c>/assets/app.css</c>, <c>/assets/app.js</c> and <c>/assets/plotly.min.js</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var css = Read("app.css");
        var js = Read("app.js");
        app.MapGet("/assets/app.css", (HttpContext c) => Cached(c, css, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/assets/app.js", (HttpContext c) => Cached(c, js, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", (HttpContext c) => Cached(c, Icon, "image/svg+xml")).ExcludeFromDescription();
        app.MapGet("/assets/plotly.min.js", (HttpContext c) => Cached(c, PlotlyJs.Source, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    /// <summary>The site icon: four segment-coloured dots (SVG).</summary>
    private const string Icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"4\" cy=\"4\" r=\"3\" fill=\"#4c72b0\"/><circle cx=\"12\" cy=\"4\" r=\"3\" fill=\"#dd8452\"/><circle cx=\"4\" cy=\"12\" r=\"3\" fill=\"#55a868\"/><circle cx=\"12\" cy=\"12\" r=\"3\" fill=\"#c44e52\"/></svg>";

    private static IResult Cached(HttpContext context, string content, string type)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(content, type);
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SmartPulse.Server.Assets." + name)
            ?? throw new InvalidOperationException($"The server assembly lacks its embedded asset '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
