using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hromada.Admin.Auth;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Hromada.Bot.Tests.Admin;

public sealed class AdminHardeningTests
{
    [Fact]
    public async Task FirstStart_WithoutABootstrapKey_TheGeneratedKeyNeverReachesALogSink_ItIsInAFileOnlyTheServiceUserCanRead()
    {
        await using var app = new HromadaAppFactory()
            .WithSettings(new Dictionary<string, string?> { ["Hromada:Admin:BootstrapKey"] = "" })
            .WithServices(s => s.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace)));
        _ = app.Server;

        var file = Path.Combine(app.Folder, "first-admin-key.txt");
        var bytes = await File.ReadAllBytesAsync(file);
        var key = Encoding.ASCII.GetString(bytes).TrimEnd('\n');
        Assert.Matches("^hb_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$", key);
        using var client = AdminClient.WithKey(app, key);
        var response = await client.GetAsync(new Uri("/api/admin/consultations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var records = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains(file, StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains(key, StringComparison.Ordinal)
            || (r.StructuredState ?? []).Any(kv => kv.Value?.Contains(key, StringComparison.Ordinal) == true)
            || r.Exception?.ToString().Contains(key, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ABootstrapKeyShorterThan32Characters_StopsTheServiceNamingTheSetting()
    {
        using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Admin:BootstrapKey"] = new string('k', 31),
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Hromada:Admin:BootstrapKey must be at least 32 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_AreStoredWithASaltOfTheirOwn()
    {
        await using var app = new HromadaAppFactory();
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var (a, secretA) = await service.CreateAsync("a", AdminRole.WorkingGroup, null, "test");
        var (b, _) = await service.CreateAsync("b", AdminRole.WorkingGroup, null, "test");

        var saltA = a.Hash.Split('$')[1];
        Assert.StartsWith("s1$", a.Hash, StringComparison.Ordinal);
        Assert.NotEqual(saltA, b.Hash.Split('$')[1]);
        Assert.Equal(32, saltA.Length);
        Assert.DoesNotContain(Sha256Hex(secretA), a.Hash, StringComparison.Ordinal);
        Assert.Equal("a", (await service.VerifyAsync(secretA))?.Name);
        Assert.Null(await service.VerifyAsync(secretA + "x"));
    }

    [Fact]
    public async Task KeysOfTheFirstBuild_StillWork_AndAreStoredSaltedWhenFirstUsed()
    {
        await using var app = new HromadaAppFactory();
        _ = app.Server;
        const string generated = "hb_0a1b2c3d4e_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
        const string handChosen = "an-old-bootstrap-key-of-the-first-build";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            db.ApiKeys.Add(new ApiKey { Name = "old-generated", Role = AdminRole.WorkingGroup, Prefix = "0a1b2c3d4e", Hash = Sha256Hex(generated), CreatedAt = app.Time.GetUtcNow() });
            db.ApiKeys.Add(new ApiKey { Name = "old-bootstrap", Role = AdminRole.Admin, Prefix = "h" + Sha256Hex(handChosen)[..9], Hash = Sha256Hex(handChosen), CreatedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        foreach (var secret in new[] { generated, handChosen, generated })
        {
            using var client = AdminClient.WithKey(app, secret);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/admin/catalogs", UriKind.Relative))).StatusCode);
        }

        await using var check = app.Services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<HromadaDbContext>().ApiKeys.AsNoTracking()
            .Where(k => k.Name.StartsWith("old-")).OrderBy(k => k.Name).ToListAsync();
        Assert.All(keys, k => Assert.StartsWith("s1$", k.Hash, StringComparison.Ordinal));
        Assert.Equal(["manual", "0a1b2c3d4e"], keys.Select(k => k.Prefix));
    }

    [Fact]
    public async Task AReviewer_GetsTheSame404_ForAnotherBodysRoute_AsForItsOwnBodyThatIsNotRouted()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        using var social = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-social");
        await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes", new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" });
        var position = new { stance = "Reject", justification = "Не наше" };

        var foreign = await social.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position", position);
        var own = await social.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-social/position", position);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal("No such route", (await foreign.Content.ReadFromJsonAsync<ProblemDetails>())?.Title);
        Assert.Equal("No such route", (await own.Content.ReadFromJsonAsync<ProblemDetails>())?.Title);
    }

    [Fact]
    public async Task ProposalList_APageBeyondTheIntegerRange_Is400NamingPage_InsteadOfWrappingToPageOne()
    {
        await using var app = new HromadaAppFactory();
        await AdminSeed.SubmitAsync(app);
        using var client = AdminClient.ForAdmin(app);

        var overflow = await client.GetAsync(new Uri("/api/admin/proposals?page=2147483647&pageSize=200", UriKind.Relative));
        var farButFits = await client.GetFromJsonAsync<JsonElement>("/api/admin/proposals?page=2147483647&pageSize=1");

        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
        Assert.Contains("page", (await overflow.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(0, farButFits.GetProperty("items").GetArrayLength());
        Assert.Equal(1, farButFits.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnnouncementsList_PagesAsTheProposalsListDoes_APageTooFarIsRefused_NotShownAsTheFirst()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var overflow = await client.GetAsync(new Uri("/api/admin/announcements?page=2147483647&pageSize=200", UriKind.Relative));
        var zero = await client.GetAsync(new Uri("/api/admin/announcements?page=0&pageSize=0", UriKind.Relative));
        var far = await client.GetFromJsonAsync<JsonElement>("/api/admin/announcements?page=2147483647&pageSize=1");

        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
        Assert.Contains("page", (await overflow.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(["page", "pageSize"], (await zero.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
        Assert.Equal(0, far.GetProperty("items").GetArrayLength());
        Assert.Equal(2147483647, far.GetProperty("page").GetInt32());
    }

    private static string Sha256Hex(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
