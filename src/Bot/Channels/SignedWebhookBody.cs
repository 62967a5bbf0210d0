using System.Security.Cryptography;
using System.Text;

namespace Hromada.Bot.Channels;

/// <summary>
/// The body of a webhook that the platform signs with an HMAC-SHA256 of its bytes (Messenger, Viber): read whole
/// before anything parses it, then checked against the signature in constant time. Its size is bounded by the host's
/// one request-body limit (Security/RequestBodyLimit): a larger body is refused with 413 as it is read.
/// </summary>
internal static class SignedWebhookBody
{
    /// <summary>The body's bytes.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>True when <paramref name="hex"/> is the HMAC-SHA256 of <paramref name="body"/> keyed with <paramref name="secret"/>.</summary>
    public static bool HmacSha256Matches(ReadOnlySpan<char> hex, byte[] body, string secret)
    {
        if (string.IsNullOrEmpty(secret) || hex.IsWhiteSpace())
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
