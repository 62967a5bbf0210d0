using System.Net.Http.Headers;
using Hromada.Admin.Auth;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

/// <summary>
/// HTTP clients of the admin API carrying a key of a given role. They ask for English (<c>Accept-Language: en</c>), the
/// language these tests read the API's messages in; Host/ApiLanguageTests checks the Ukrainian default.
/// </summary>
internal static class AdminClient
{
    public static HttpClient ForAdmin(HromadaAppFactory app) => WithKey(app, HromadaAppFactory.TestAdminKey);

    public static async Task<HttpClient> ForRoleAsync(HromadaAppFactory app, AdminRole role, string? reviewBody = null)
    {
        _ = app.Services; // starts the host, so migrations and the bootstrap key exist
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync($"{role}-{Guid.NewGuid():N}", role, reviewBody, "test");
        return WithKey(app, secret);
    }

    public static HttpClient WithKey(HromadaAppFactory app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }
}
