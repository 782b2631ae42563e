using System.Security.Cryptography;
using System.Text;

namespace SmartPulse.Server.Hosting;

/// <summary>
/// The server's secrets: the API key, the app's login token, and a per-process key that signs session and CSRF tokens.
/// Comparisons are constant-time.
/// </summary>
internal sealed class Secrets
{
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Creates the secrets; <paramref name="loginToken"/> null means the app needs no login.</summary>
    public Secrets(string? apiKey, string? loginToken)
    {
        ApiKey = apiKey;
        LoginToken = loginToken;
    }

    /// <summary>The API key, or null when the API is open (loopback without a key).</summary>
    public string? ApiKey { get; }

    /// <summary>The app's login token, or null when the app needs no login.</summary>
    public string? LoginToken { get; }

    /// <summary>A new random session id (URL-safe).</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(18));

    /// <summary>The signature of <paramref name="purpose"/> and <paramref name="value"/> with the process key (URL-safe).</summary>
    public string Sign(string purpose, string value) =>
        Base64Url(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(purpose + "\n" + value)));

    /// <summary>Constant-time check of a presented value against the expected one.</summary>
    public static bool Matches(string? presented, string? expected) =>
        presented is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
