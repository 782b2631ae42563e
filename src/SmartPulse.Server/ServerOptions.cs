using System.Net;

namespace SmartPulse.Server;

/// <summary>
/// How <c>smartpulse serve</c> runs: where it listens, which models it scores with, the secrets that guard it
/// and the limits that keep it bounded. Validate once with <see cref="Validate"/>.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The environment variable read for the API key when <see cref="ApiKey"/> is not given.</summary>
    public const string ApiKeyVariable = "SMARTPULSE_API_KEY";

    /// <summary>The environment variable read for the app's login token when <see cref="LoginToken"/> is not given.</summary>
    public const string LoginTokenVariable = "SMARTPULSE_LOGIN_TOKEN";

    /// <summary>The address to bind (default loopback <c>127.0.0.1</c>). Any other address requires an API key.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port (default 5000; 0 picks a free port, see <see cref="SmartPulseServer.Address"/>).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Model zips to load for the scoring API; each is named after its file name without extension.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>The API key required on <c>/api/*</c> (header <c>X-API-Key</c> or <c>Authorization: Bearer</c>); null = none (loopback only).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The token that logs a browser into the app; null on a non-loopback host = a random one is generated and printed.</summary>
    public string? LoginToken { get; init; }

    /// <summary>The largest upload accepted by the app, in bytes (default 200 MB).</summary>
    public long MaxUploadBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The largest scoring request body, in bytes (default 16 MB).</summary>
    public long MaxApiBodyBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most rows in one scoring request (default 100,000).</summary>
    public int MaxScoreRows { get; init; } = 100_000;

    /// <summary>Requests per minute allowed per client address (default 6,000); 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; init; } = 6_000;

    /// <summary>Datasets kept in memory for the app (least recently used dropped first; default 8).</summary>
    public int MaxDatasets { get; init; } = 8;

    /// <summary>Segmentation jobs kept (finished ones dropped oldest first; default 16).</summary>
    public int MaxJobs { get; init; } = 16;

    /// <summary>Segmentations running at once; more wait their turn (default: the processor count).</summary>
    public int MaxConcurrentJobs { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where uploads are spooled while they are read (default: a fresh folder under the system temp folder).</summary>
    public string? TempDirectory { get; init; }

    /// <summary>True when <see cref="Host"/> is a loopback address or <c>localhost</c>.</summary>
    public bool IsLoopback => IsLoopbackHost(Host);

    /// <summary>True for <c>localhost</c> and loopback IP addresses.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Checks the options; the message names the option, the value and the fix.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or a non-loopback host has no API key.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host) || (!IsLoopbackHost(Host) && !IPAddress.TryParse(Host.Trim('[', ']'), out _)))
        {
            throw new ArgumentException($"--host must be an IP address or 'localhost'; got '{Host}'.", nameof(Host));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"--port must be between 0 and 65535; got {Port}.");
        }

        if (!IsLoopback && string.IsNullOrEmpty(ApiKey))
        {
            throw new ArgumentException(
                $"--host {Host} is reachable from other machines, so the scoring API needs a key: pass --api-key KEY or set {ApiKeyVariable} (at least 16 characters). Use --host 127.0.0.1 to serve this machine only.",
                nameof(ApiKey));
        }

        if (ApiKey is { Length: < 16 })
        {
            throw new ArgumentException($"The API key is {ApiKey.Length} characters; use at least 16 (for example the output of 'openssl rand -hex 16').", nameof(ApiKey));
        }

        if (MaxUploadBytes < 1024 || MaxApiBodyBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUploadBytes), "Upload and request size limits must be at least 1 KB.");
        }

        if (RateLimitPerMinute < 0 || MaxScoreRows < 1 || MaxDatasets < 1 || MaxJobs < 1 || MaxConcurrentJobs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RateLimitPerMinute), "The rate limit must be ≥ 0, and the row, dataset and job limits ≥ 1.");
        }
    }
}
