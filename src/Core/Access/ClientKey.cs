using System.Net;
using System.Net.Sockets;

namespace Hromada.Core.Access;

/// <summary>
/// Whom a request is counted against, for every per-client limit (the web chat, the webhooks' refusals, sign-in
/// failures): the client's address, after trusted proxies' <c>X-Forwarded-For</c> was applied by the host. An IPv6
/// client is counted by its /64 network, which one household or phone usually gets whole.
/// </summary>
public static class ClientKey
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
