using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Hromada.Admin.Web;

/// <summary>
/// The page's CSS and JavaScript, embedded in this assembly and served at <c>/admin/assets/{name}</c> with a version
/// in the URL (<see cref="Url"/>), so a browser may keep them while they do not change.
/// </summary>
internal static class WebAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string ContentType, string Version)> Files = Load();

    public static string Url(string name) => $"/admin/assets/{name}?v={Files[name].Version}";

    public static IEndpointRouteBuilder MapAdminAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(file.Bytes, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{file.Version}\""));
        }).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("AdminAssets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var name = resource["AdminAssets/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (bytes, type, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12]);
        }
        return files;
    }
}
