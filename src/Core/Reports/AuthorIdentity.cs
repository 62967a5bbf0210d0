using Hromada.Core.Text;

namespace Hromada.Core.Reports;

/// <summary>
/// Tells which proposals come from the same author, so the reports can count people, not proposals. Two proposals have
/// one author when they share the chat resident (one person in one chat), the phone number (compared by its last nine
/// digits, so +380 67… and 067… match) or the e-mail address (case-insensitive) — across channels, so a resident who
/// wrote in Telegram and also brought a letter with the same phone counts once. A proposal with none of these but a
/// name is matched to others with the same name and no contact either. A proposal with nothing (anonymous, or erased
/// with /forget) is an author of its own. Names and contacts are only compared here, never reported.
/// </summary>
public sealed class AuthorIdentity
{
    /// <summary>How authors are counted, for the API description and the report.</summary>
    public const string Description =
        "Distinct authors: proposals share an author when they share the chat resident, the phone number (last nine digits) " +
        "or the e-mail address (case-insensitive), across channels; a proposal with only a name shares an author with others " +
        "that have the same name and no contact; an anonymous proposal (no resident, name or contact, e.g. after /forget) is " +
        "an author of its own. Names and contacts are compared, never shown.";

    private readonly List<int> _parent = [];
    private readonly Dictionary<int, int> _firstByResident = [];
    private readonly Dictionary<long, int> _firstByPhone = [];
    private readonly Dictionary<string, int> _firstByEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstByName = new(StringComparer.Ordinal);

    /// <summary>Number of proposals added.</summary>
    public int Count => _parent.Count;

    /// <summary>Adds one proposal's identity and returns its index (0, 1, 2… in the order added).</summary>
    public int Add(int? residentId, string? phone, string? email, string? name)
    {
        var index = _parent.Count;
        _parent.Add(index);
        var linked = false;
        if (residentId is { } r)
        {
            Link(_firstByResident, r, index);
            linked = true;
        }
        if (PhoneKey(phone) is { } p)
        {
            Link(_firstByPhone, p, index);
            linked = true;
        }
        if (NormaliseEmail(email) is { } e)
        {
            Link(_firstByEmail, e, index);
            linked = true;
        }
        if (!linked && NormaliseName(name) is { } n)
        {
            Link(_firstByName, n, index);
        }
        return index;
    }

    /// <summary>The author of the proposal at <paramref name="index"/>: equal numbers mean the same author.</summary>
    public int AuthorOf(int index) => Find(index);

    private void Link<TKey>(Dictionary<TKey, int> firstByKey, TKey key, int index) where TKey : notnull
    {
        if (firstByKey.TryGetValue(key, out var other))
        {
            var a = Find(index);
            var b = Find(other);
            if (a != b)
            {
                // The smaller index stays the root, so author numbers are stable whatever the order of links.
                if (a < b) _parent[b] = a;
                else _parent[a] = b;
            }
        }
        else
        {
            firstByKey[key] = index;
        }
    }

    private int Find(int i)
    {
        var root = i;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }
        while (_parent[i] != root)
        {
            var next = _parent[i];
            _parent[i] = root;
            i = next;
        }
        return root;
    }

    /// <summary>The phone's last nine digits as a number (+380 67 123 45 67 and 067 123 45 67 are both 671234567); null under five digits.</summary>
    internal static long? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        long key = 0;
        var digits = 0;
        for (var i = phone.Length - 1; i >= 0 && digits < 9; i--)
        {
            if (char.IsAsciiDigit(phone[i]))
            {
                key += (phone[i] - '0') * Pow10[digits];
                digits++;
            }
        }
        // The digit count is folded in, so 0001234 and 1234 stay different numbers.
        return digits < 5 ? null : key + digits * 1_000_000_000L;
    }

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    internal static string? NormaliseEmail(string? email) => TextFolding.EmailKey(email);

    internal static string? NormaliseName(string? name) => TextFolding.Key(name) is { Length: > 0 } key ? key : null;
}
