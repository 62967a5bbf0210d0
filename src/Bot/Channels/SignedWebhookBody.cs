using System.Security.Cryptography;
using System.Text;

namespace Hromada.Bot.Channels;

/// <summary>
/// The body of a webhook that the platform signs with an HMAC-SHA256 of its bytes (Messenger, Viber): read whole, up
/// to a limit, before anything parses it, then checked against the signature in constant time.
/// </summary>
internal static class SignedWebhookBody
{
    /// <summary>A platform's event batch is a few kilobytes; a larger body is refused unread (413).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
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
