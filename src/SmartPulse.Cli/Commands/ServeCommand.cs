using System.CommandLine;
using System.Runtime.InteropServices;
using SmartPulse.Server;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse serve [--port 5000] [--host 127.0.0.1] [--model model.zip ...] [--api-key KEY] [--login-token TOKEN]
/// [--max-upload 200] [--max-body 16] [--rate-limit 6000]</c>: the segmentation web app and the scoring API until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "TCP port (0 = any free port).", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "Address to bind. Loopback by default; any other address requires an API key.", DefaultValueFactory = _ => "127.0.0.1" };
        var models = new Option<string[]>("--model") { Description = "A model zip for the scoring API (repeatable); its name is the file name without .zip.", AllowMultipleArgumentsPerToken = true };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key required on /api/* (header X-API-Key). Default: ${ServerOptions.ApiKeyVariable}." };
        var loginToken = new Option<string?>("--login-token") { Description = $"Token that logs a browser into the app. Default: ${ServerOptions.LoginTokenVariable}, or a random one printed at start on a non-loopback host." };
        var maxUpload = new Option<int>("--max-upload") { Description = "Largest upload accepted by the app, in MB.", DefaultValueFactory = _ => 200 };
        var maxBody = new Option<int>("--max-body") { Description = "Largest scoring request body, in MB.", DefaultValueFactory = _ => 16 };
        var rateLimit = new Option<int>("--rate-limit") { Description = "Requests per minute per client address (0 = no limit).", DefaultValueFactory = _ => 6000 };
        var command = new Command("serve", "Serve the segmentation web app and the real-time scoring API (ASP.NET Core).")
        {
            port, host, models, apiKey, loginToken, maxUpload, maxBody, rateLimit,
        };
        command.SetAction((p, ct) => RunAsync(
            new ServerOptions
            {
                Port = p.GetValue(port),
                Host = p.GetValue(host)!,
                Models = p.GetValue(models) ?? [],
                ApiKey = p.GetValue(apiKey),
                LoginToken = p.GetValue(loginToken),
                MaxUploadBytes = (long)p.GetValue(maxUpload) * 1024 * 1024,
                MaxApiBodyBytes = (long)p.GetValue(maxBody) * 1024 * 1024,
                RateLimitPerMinute = p.GetValue(rateLimit),
            },
            console,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        SmartPulseServer server;
        try
        {
            server = await SmartPulseServer.StartAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return CommandLine.UsageError;
        }

        await using (server)
        {
            var o = server.Options;
            console.Out.WriteLine($"SmartPulse is serving on {server.Address}");
            console.Out.WriteLine($"  app:        {server.Address}{(o.LoginToken is { } t ? $"login?token={t}" : string.Empty)}");
            console.Out.WriteLine($"  scoring:    POST {server.Address}api/score{(o.ApiKey is null ? string.Empty : " (X-API-Key required)")}");
            console.Out.WriteLine($"  OpenAPI:    {server.Address}openapi/v1.json   health: {server.Address}healthz");
            foreach (var m in server.Models.All)
            {
                console.Out.WriteLine($"  model '{m.Name}': {m.Model.Metadata.Algorithm}, {m.Model.Metadata.Sizes.Count} segments on {string.Join(", ", m.Model.Pipeline.RequiredInputs)}");
            }

            console.Out.WriteLine("Press Ctrl+C to stop.");
            console.Out.Flush();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: dispose stops the server and deletes its temp folder.
            }
        }

        console.Out.WriteLine("SmartPulse server stopped.");
        return CommandLine.Ok;
    }
}
