using System.Net;
using Hromada.Admin.Web.Account;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>Signing in to the web page, the session cookie, roles, and what the page sends along with every answer.</summary>
public sealed class AdminWebSessionTests
{
    [Fact]
    public async Task SignIn_WithAWrongKeyOrARevokedOne_SaysTheSameWithoutRevealingWhich_AndGivesNoSession()
    {
        await using var app = new HromadaAppFactory();
        await AdminWebSeed.KeyAsync(app, "колишній секретар", AdminRole.WorkingGroup);
        var revoked = await AdminWebSeed.KeyAsync(app, "відкликаний", AdminRole.WorkingGroup);
        await AdminWebSeed.RevokeAsync(app, "відкликаний");

        var answers = new List<string>();
        foreach (var key in new[] { "hb_0000000000_not-a-key-at-all-0000000000000000000000000", revoked })
        {
            using var client = WebSessionClient.Anonymous(app);
            var response = await client.SignInAsync(key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)));
            var html = await response.Content.ReadAsStringAsync();
            answers.Add(html[html.IndexOf("<main", StringComparison.Ordinal)..].Split("__form")[0]);
        }

        Assert.Contains("Цей ключ не підходить: він неправильний або відкликаний.", answers[0], StringComparison.Ordinal);
        Assert.Equal(answers[0], answers[1]);
    }

    [Fact]
    public async Task SignIn_AfterTooManyWrongKeysFromOneAddress_AWrongKeyIs429_ButTheRightKeyStillSignsIn()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Admin:Web:SignInFailuresPerMinute"] = "3" });
        using var someone = WebSessionClient.Anonymous(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await someone.SignInAsync($"hb_000000000{i}_wrong-key-guessed-by-someone-0000000000000000")).StatusCode);
        }

        // Past the limit a wrong key is held for the penalty on the service's clock.
        var refused = await app.WhileTheClockMovesAsync(someone.SignInAsync("hb_0000000003_wrong-key-guessed-by-someone-0000000000000000"), SignInThrottle.Penalty);
        // A colleague behind the same address (the same proxy) types the right key.
        using var colleague = WebSessionClient.Anonymous(app);
        var signedIn = await colleague.SignInAsync(HromadaAppFactory.TestAdminKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Забагато невдалих спроб входу з цієї адреси", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("%2Fadmin%2F%09")]
    [InlineData("%2Fadmin%2F%0D%0ALocation:%20https://evil.example")]
    [InlineData("%2Fadminx")]
    [InlineData("%2F%2Fevil.example%2Fadmin")]
    public async Task SignIn_WithAReturnUrlThatIsNoPlainAdminPath_GoesHome_NeverA500(string returnUrl)
    {
        await using var app = new HromadaAppFactory();
        using var client = WebSessionClient.Anonymous(app);

        var response = await client.PostFormAsync("/admin/sign-in", $"/admin/sign-in?returnUrl={returnUrl}", [new("Key", HromadaAppFactory.TestAdminKey)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlOfAnAdminPage_GoesBackThere()
    {
        await using var app = new HromadaAppFactory();
        using var client = WebSessionClient.Anonymous(app);

        var response = await client.PostFormAsync("/admin/sign-in", "/admin/sign-in?returnUrl=%2Fadmin%2Fproposals%3Fstatus%3DReceived", [new("Key", HromadaAppFactory.TestAdminKey)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/proposals?status=Received", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void ASessionLengthOutOfRange_StopsTheServiceNamingTheSetting()
    {
        using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Admin:Web:SessionHours"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Hromada:Admin:Web:SessionHours must be between 1 and 72 (it is 0)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnly_SameSiteStrict_OnlyForTheAdminPages_AndSecureWhenTheRequestCameOverHttps()
    {
        await using var app = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);

        foreach (var (address, secure) in new[] { ("http://localhost", false), ("https://localhost", true) })
        {
            using var client = WebSessionClient.Anonymous(app, address);
            var response = await client.SignInAsync(key);

            var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("hromada_admin=", StringComparison.Ordinal));
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
            Assert.Contains("path=/admin", attributes);
            Assert.Equal(secure, attributes.Contains("secure"));
            // A session cookie: the browser forgets it when it closes; the session itself ends after Hromada:Admin:Web:SessionHours.
            Assert.DoesNotContain(attributes, a => a.StartsWith("expires", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task TheApi_StaysBearerOnly_ASessionCookieOpensNothingThere()
    {
        await using var app = new HromadaAppFactory();
        using var session = WebSessionClient.Anonymous(app);
        var signedIn = await session.SignInAsync(HromadaAppFactory.TestAdminKey);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)).Split(';')[0];
        using var api = app.CreateClient();
        // The browser sends the cookie only under /admin; sent to the API by hand, it is still not a key.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/proposals");
        request.Headers.Add("Cookie", cookie);

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RevokingAKey_EndsTheSessionsSignedInWithIt()
    {
        await using var app = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup);
        using var client = await WebSessionClient.SignInAsync(app, key);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/admin/proposals", UriKind.Relative))).StatusCode);

        await AdminWebSeed.RevokeAsync(app, "секретар");
        var response = await client.Http.GetAsync(new Uri("/admin/proposals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/sign-in?returnUrl=%2Fadmin%2Fproposals", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_AnOldCopyOfTheCookieIsSentToSignIn()
    {
        await using var app = new HromadaAppFactory();
        using var client = WebSessionClient.Anonymous(app);
        var signedIn = await client.SignInAsync(HromadaAppFactory.TestAdminKey);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(copy, cookie)).StatusCode);

        var signedOut = await client.PostFormAsync("/admin", "/admin/sign-out", []);
        var afterwards = await SendWithCookieAsync(copy, cookie);

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("http://localhost/admin/sign-in", afterwards.Headers.Location!.ToString(), StringComparison.Ordinal);
        // Another session of the same key is not ended by this one's sign-out.
        using var other = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithCookieAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task ASession_OutlivesARestart_BecauseItsKeysAreKeptInTheDatabase()
    {
        await using var before = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(before, "секретар", AdminRole.WorkingGroup);
        using var signedIn = WebSessionClient.Anonymous(before);
        var response = await signedIn.SignInAsync(key);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)).Split(';')[0];
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().DataProtectionKeys.ToListAsync();
            Assert.Contains(stored, k => k.Xml!.Contains("<key ", StringComparison.Ordinal) && k.FriendlyName!.StartsWith("key-", StringComparison.Ordinal));
        }

        // Another host on the same database file: what a restart (or a move to another server with the backup) is.
        await using var after = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(before.Folder, "hromada.db")}",
        });
        using var http = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/proposals", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var page = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ASession_SignedInWhenTheKeysTableHadItsOwnShape_OutlivesTheUpgradeToThePackagesTable()
    {
        await using var before = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(before, "секретар", AdminRole.WorkingGroup);
        using var signedIn = WebSessionClient.Anonymous(before);
        var cookie = Assert.Single((await signedIn.SignInAsync(key)).Headers.GetValues("Set-Cookie"),
            v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)).Split(';')[0];
        // The database as the build before DataProtection.EntityFrameworkCore left it: the keys' table with its StoredAt column.
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("OutboxLanguage");
            Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM pragma_table_info('DataProtectionKeys') WHERE name = 'StoredAt'").SingleAsync());
        }

        // The upgrade: the next build starts on that file and migrates it.
        await using var after = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(before.Folder, "hromada.db")}",
        });
        using var http = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/proposals", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var page = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var check = after.Services.CreateAsyncScope();
        var migrated = check.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(0, await migrated.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM pragma_table_info('DataProtectionKeys') WHERE name = 'StoredAt'").SingleAsync());
    }

    [Fact]
    public async Task ADamagedKeyRow_IsSkippedAndLogged_TheOtherKeysStillRead_AndThePagesWork()
    {
        await using var before = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(before, "секретар", AdminRole.WorkingGroup);
        using var signedIn = WebSessionClient.Anonymous(before);
        var cookie = Assert.Single((await signedIn.SignInAsync(key)).Headers.GetValues("Set-Cookie"),
            v => v.StartsWith("hromada_admin=", StringComparison.Ordinal)).Split(';')[0];
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-damaged", Xml = "<key id=\"0f\" version=\"1\"><creationDate>2026-" });
            await db.SaveChangesAsync();
        }

        // A restart reads the keys again, the damaged row among them.
        await using var after = new HromadaAppFactory().WithServices(s => s.AddFakeLogging()).WithSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(before.Folder, "hromada.db")}",
        });
        using var http = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/proposals", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var page = await http.SendAsync(request);
        var signInPage = await http.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Contains(after.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Error
            && r.Message.Contains("key-damaged", StringComparison.Ordinal) && r.Message.Contains("cannot be read; skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviewer_IsToldAnotherBodysProposalDoesNotExist_AndMayNotChangeAClassification()
    {
        await using var app = new HromadaAppFactory();
        var other = await AdminSeed.SubmitAsync(app, sphere: "safety", settlement: "piatykhatky");
        var key = await AdminWebSeed.KeyAsync(app, "підгрупа ЖКГ", AdminRole.Reviewer, "sg-infrastructure");
        using var reviewer = await WebSessionClient.SignInAsync(app, key);

        var foreign = await reviewer.Http.GetAsync(new Uri($"/admin/proposals/{other.Reference}", UriKind.Relative));
        var missing = await reviewer.Http.GetAsync(new Uri("/admin/proposals/P-2026-99999", UriKind.Relative));
        var list = await reviewer.GetHtmlAsync("/admin/proposals");
        var classify = await reviewer.PostFormAsync("/admin/proposals", $"/admin/proposals/{other.Reference}?handler=Classify",
            [new("Classify.Sphere", "other"), new("Classify.Reason", "спроба")]);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(WebSessionClient.Text(await missing.Content.ReadAsStringAsync()).Replace("P-2026-99999", other.Reference, StringComparison.Ordinal),
            WebSessionClient.Text(await foreign.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(other.Reference, list, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, classify.StatusCode);
        Assert.Equal("safety", await AdminWebSeed.SphereCodeAsync(app, other.Reference));
    }

    [Fact]
    public async Task AdminPages_AreNeverFramedNorCached_TheirAssetsMayBe()
    {
        await using var app = new HromadaAppFactory();
        using var client = await WebSessionClient.SignInAsync(app, HromadaAppFactory.TestAdminKey);

        var page = await client.Http.GetAsync(new Uri("/admin/proposals", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var css = await client.Http.GetAsync(new Uri(System.Text.RegularExpressions.Regex.Match(html, "href=\"(/admin/assets/admin.css[^\"]*)\"").Groups[1].Value, UriKind.Relative));

        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
        // Nothing inline for the CSP to block: no <script> bodies, no style attributes.
        Assert.DoesNotMatch("<script(?![^>]*src=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAdminAddress_IsANotFoundPage()
    {
        await using var app = new HromadaAppFactory();
        using var client = WebSessionClient.Anonymous(app);

        var response = await client.Http.GetAsync(new Uri("/admin/no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Такої сторінки немає.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
