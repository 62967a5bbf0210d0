using Hromada.Core.Access;

namespace Hromada.Bot.Security;

/// <summary>The key a request is counted against (<see cref="ClientKey"/>, shared with the admin sign-in throttle).</summary>
internal static class ClientAddress
{
    public static string KeyOf(HttpContext context) => ClientKey.Of(context.Connection.RemoteIpAddress);
}
