using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Receipts;

/// <summary>
/// A proposal's receipt link, <c>{PublicBaseUrl}/p/{reference}-{code}</c>: the reference the author already has and a
/// random code of 12 letters and digits (60 bits), so the link cannot be guessed from the reference and the reference
/// alone opens nothing.
/// </summary>
public sealed class ReceiptLinks(IOptions<CommunityOptions> community)
{
    /// <summary>Lower-case letters and digits without the ones read alike (0/o, 1/l/i).</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    public const int CodeLength = 12;

    /// <summary>The absolute link for the author (chat, e-mail, the paper receipt).</summary>
    public string For(string reference, string code) =>
        $"{community.Value.PublicBaseUrl.TrimEnd('/')}{Path(reference, code)}";

    /// <summary>The link's path on this service.</summary>
    public static string Path(string reference, string code) => $"/p/{reference}-{code}";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>Splits <c>P-2026-00042-abcdefghjkmn</c> into the reference and the code; false when it has no such shape.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out string? reference, [NotNullWhen(true)] out string? code)
    {
        reference = null;
        code = null;
        if (string.IsNullOrEmpty(key) || key.Length > 60)
        {
            return false;
        }
        var dash = key.LastIndexOf('-');
        if (dash <= 0 || key.Length - dash - 1 != CodeLength)
        {
            return false;
        }
        reference = key[..dash];
        code = key[(dash + 1)..].ToLowerInvariant();
        return true;
    }

    /// <summary>Compares codes in constant time, so timing tells nothing about how much of a guess was right.</summary>
    public static bool Matches(string stored, string given) =>
        stored.Length == given.Length
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(stored), System.Text.Encoding.ASCII.GetBytes(given));
}
