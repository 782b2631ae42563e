using System.Net;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPulse.Server.App;
using SmartPulse.Server.Hosting;
using SmartPulse.Server.Scoring;

namespace SmartPulse.Server;

/// <summary>
/// <c>smartpulse serve</c>: the segmentation web app and the scoring API on Kestrel. Start with
/// <see cref="StartAsync"/>, stop by disposing. Binds to loopback unless told otherwise; any other address needs an API key.
/// </summary>
public sealed class SmartPulseServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JobRunner _jobs;
    private readonly string _tempDirectory;

    private SmartPulseServer(WebApplication app, JobRunner jobs, string tempDirectory, ModelRegistry models, ServerOptions options, Uri address)
    {
        _app = app;
        _jobs = jobs;
        _tempDirectory = tempDirectory;
        Models = models;
        Options = options;
        Address = address;
    }

    /// <summary>The options in effect (API key and login token resolved from the environment).</summary>
    public ServerOptions Options { get; }

    /// <summary>The address the server listens on, for example <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The models the scoring API serves.</summary>
    public ModelRegistry Models { get; }

    /// <summary>
    /// Resolves secrets (<see cref="ServerOptions.ApiKeyVariable"/>, <see cref="ServerOptions.LoginTokenVariable"/>; a random
    /// login token on a non-loopback host when none is given), loads the models, validates, and starts listening.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options (the message names the option and the fix).</exception>
    /// <exception cref="InvalidDataException">A model file is not a SmartPulse model.</exception>
    /// <exception cref="IOException">The port is taken or the address cannot be bound.</exception>
    public static async Task<SmartPulseServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = options.ApiKey ?? NonEmpty(Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable));
        var login = options.LoginToken ?? NonEmpty(Environment.GetEnvironmentVariable(ServerOptions.LoginTokenVariable))
            ?? (options.IsLoopback ? null : Secrets.NewId());
        options = options with { ApiKey = apiKey, LoginToken = login };
        options.Validate();

        var models = new ModelRegistry();
        foreach (var path in options.Models)
        {
            models.Load(path);
        }

        var temp = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), "smartpulse-serve-" + Secrets.NewId());
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(temp);
        }
        else
        {
            Directory.CreateDirectory(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var secrets = new Secrets(options.ApiKey, options.LoginToken);
        var jobs = new JobRunner(options);
        var app = Build(options, secrets, models, jobs, new UploadReceiver(options, secrets, temp));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            jobs.Dispose();
            Directory.Delete(temp, recursive: true);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SmartPulseServer(app, jobs, temp, models, options, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal) + "/"));
    }

    /// <summary>Completes when the server stops (Ctrl+C, SIGTERM, or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server, cancels running jobs and deletes the upload folder.</summary>
    public async ValueTask DisposeAsync()
    {
        _jobs.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }

    private static WebApplication Build(ServerOptions options, Secrets secrets, ModelRegistry models, JobRunner jobs, UploadReceiver uploads)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxUploadBytes + (64 * 1024), options.MaxApiBodyBytes);
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                k.Listen(IPAddress.Loopback, options.Port);
            }
            else
            {
                k.Listen(IPAddress.Parse(options.Host.Trim('[', ']')), options.Port);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "SmartPulse scoring API";
            doc.Info.Description = "Segment customers in real time with models made by 'smartpulse segment --model' or the SmartPulse app. "
                + "Errors are application/problem+json with field, row and value. Send the API key as X-API-Key when the server requires one.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(Problems.Write(context.HttpContext, 429, "Too many requests",
                    $"This client sent more than {options.RateLimitPerMinute} requests in a minute; wait and retry (the limit is --rate-limit)."));
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c =>
                options.RateLimitPerMinute == 0 || c.Request.Path == "/healthz"
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.RateLimitPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
        });
        builder.Services.AddSingleton(secrets);

        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseStatusCodePages(context => EmptyErrorAnswers.WriteAsync(context.HttpContext));
        app.UseMiddleware<SecurityMiddleware>();
        app.UseRateLimiter();
        app.MapOpenApi();
        Assets.Map(app);
        LoginEndpoints.Map(app, secrets);
        ScoringEndpoints.Map(app, models, options);
        new AppEndpoints(options, secrets, jobs, uploads).Map(app);
        return app;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
