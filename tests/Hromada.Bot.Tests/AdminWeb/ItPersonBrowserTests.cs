using System.Text.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Access;
using Microsoft.Playwright;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>
/// The IT person on a fresh install, in a real Chromium: the first admin key from its file, signing in with it, a key
/// for the secretary made on the keys page, and the API's OpenAPI document found from there and used with the new key.
/// </summary>
public sealed partial class ItPersonBrowserTests
{
    [BrowserFact]
    public async Task FreshStart_FirstAdminKeyFromItsFile_SignsIn_MakesTheSecretarysKey_AndFindsTheOpenApiDocument()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Admin:BootstrapKey"] = "" });
        await using var browser = await AdminWebBrowser.StartAsync(app);
        var firstKey = (await File.ReadAllTextAsync(Path.Combine(app.Folder, "first-admin-key.txt"))).Trim();
        var it = await browser.NewPersonAsync();

        // Any admin address sends a signed-out person to sign in, and back where they were going.
        await it.GotoAsync(browser.Url("/admin/keys"));
        await Assertions.Expect(it).ToHaveURLAsync(SignInPage());
        await AdminWebBrowser.SignInAsync(it, firstKey);
        await Assertions.Expect(it).ToHaveURLAsync(KeysPage());
        await Assertions.Expect(it.Locator("tbody tr", new() { HasText = "first-admin" })).ToContainTextAsync("діє");

        await it.GetByLabel("Назва (чий ключ)").FillAsync("секретар Мельник");
        await it.GetByLabel("Роль").SelectOptionAsync(new SelectOptionValue { Value = nameof(AdminRole.WorkingGroup) });
        await it.GetByRole(AriaRole.Button, new() { Name = "Створити ключ" }).ClickAsync();
        var secretary = (await it.Locator("#new-secret").TextContentAsync())!.Trim();
        Assert.Matches("^hb_", secretary);
        await Assertions.Expect(it.Locator("tbody tr", new() { HasText = "секретар Мельник" })).ToContainTextAsync("діє");
        await Accessibility.AssertNoSeriousViolationsAsync(it);

        // The keys page says how the API takes a key and where its description is.
        await Assertions.Expect(it.Locator("#api-hint")).ToContainTextAsync("Authorization: Bearer");
        var opened = it.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        await it.GetByRole(AriaRole.Link, new() { Name = "документ OpenAPI" }).ClickAsync();
        var response = await opened;
        Assert.Equal(200, response.Status);
        using var document = JsonDocument.Parse(await response.TextAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/admin/proposals", out _));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString(),
            ignoreCase: true);

        // The secretary's key works with the API from the browser; no key gets a 401 problem. Called from the keys page: the
        // document itself is an API answer, whose policy (default-src 'none') lets no script on it fetch anything.
        await it.GotoAsync(browser.Url("/admin/keys"));
        await Assertions.Expect(it).ToHaveURLAsync(KeysPage());
        var withKey = await it.EvaluateAsync<int>("k => fetch('/api/admin/consultations', { credentials: 'omit', headers: { Authorization: 'Bearer ' + k } }).then(r => r.status)", secretary);
        var withoutKey = await it.EvaluateAsync<string>("() => fetch('/api/admin/consultations', { credentials: 'omit' }).then(r => r.status + ' ' + r.headers.get('content-type'))");
        Assert.Equal(200, withKey);
        Assert.StartsWith("401 application/problem+json", withoutKey, StringComparison.Ordinal);

        // The secretary signs in with the key the IT person handed over.
        var melnyk = await browser.NewPersonAsync();
        await melnyk.GotoAsync(browser.Url("/admin"));
        await AdminWebBrowser.SignInAsync(melnyk, secretary);
        await Assertions.Expect(melnyk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await melnyk.GotoAsync(browser.Url("/admin/keys"));
        await Assertions.Expect(melnyk).ToHaveURLAsync(new Regex("/admin/forbidden"));
    }

    [GeneratedRegex("/admin/sign-in")]
    private static partial Regex SignInPage();

    [GeneratedRegex("/admin/keys$")]
    private static partial Regex KeysPage();
}
