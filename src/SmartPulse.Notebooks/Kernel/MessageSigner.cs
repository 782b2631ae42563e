using System.Security.Cryptography;
using System.Text;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Signs and verifies Jupyter messages: the signature is the lower-case hex HMAC-SHA256, keyed with
/// the connection file's key, of the header, parent header, metadata and content frames in that
/// order. With an empty key messages are unsigned (empty signature) and every message verifies.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The connection file's key (UTF-8 text); empty disables signing.</param>
    public MessageSigner(string key)
    {
        _key = Encoding.UTF8.GetBytes(key ?? "");
    }

    /// <summary>Whether messages are signed (the key is not empty).</summary>
    public bool IsEnabled => _key.Length > 0;

    /// <summary>Computes the signature of the four signed frames.</summary>
    /// <param name="parts">Header, parent header, metadata and content, as sent on the wire.</param>
    /// <returns>The lower-case hex digest, or the empty string when signing is disabled.</returns>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!IsEnabled)
        {
            return "";
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Checks a received signature in constant time.</summary>
    /// <param name="signature">The signature frame's text.</param>
    /// <param name="parts">Header, parent header, metadata and content, as received.</param>
    /// <returns>Whether the signature matches (always true when signing is disabled).</returns>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!IsEnabled)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes((signature ?? "").ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
