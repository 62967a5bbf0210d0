using System.Net;
using System.Net.Sockets;

namespace Hromada.Bot.Security;

/// <summary>
/// Whom a request is counted against: the client's address after trusted proxies' <c>X-Forwarded-For</c> was applied.
/// An IPv6 client is counted by its /64 network, which one household or phone usually gets whole.
/// </summary>
internal static class ClientAddress
{
    public static string KeyOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
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
