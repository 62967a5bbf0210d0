using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;

namespace Hromada.Bot.Tests.Security;

/// <summary>The answer to a request sent from a chosen network address.</summary>
internal sealed record PeerResponse(int Status, IHeaderDictionary Headers, string Body);

/// <summary>
/// Sends requests to the in-memory host as if from a given address (what Kestrel would report as the remote address),
/// so per-client limits and forwarded headers can be tested without a network.
/// </summary>
internal static class Peer
{
    public static async Task<PeerResponse> SendAsync(
        TestServer server, string address, string method, string pathAndQuery, string? body = null,
        string? contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = method;
            var parts = pathAndQuery.Split('?', 2);
            c.Request.Path = parts[0];
            if (parts.Length > 1)
            {
                c.Request.QueryString = new QueryString("?" + parts[1]);
            }
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                c.Request.Headers[name] = value;
            }
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
                c.Request.ContentType = contentType;
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new PeerResponse(context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    /// <summary>What Kestrel says of a request with Content-Length or chunked framing; the test server's SendAsync leaves it unset.</summary>
    public sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    public static Task<PeerResponse> StartSessionAsync(TestServer server, string address, string? forwardedFor = null)
    {
        var headers = new Dictionary<string, string> { ["X-Chat-Client"] = "widget" };
        if (forwardedFor is not null)
        {
            headers["X-Forwarded-For"] = forwardedFor;
        }
        return SendAsync(server, address, "POST", "/api/webchat/sessions", "{}", headers: headers);
    }
}
