using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Erasing the data of an author who wrote on paper, by e-mail or through the form, and so cannot use /forget.</summary>
public sealed class AuthorsApiTests
{
    private sealed record Seeded(Proposal Paper, Proposal Form, Proposal Email, Proposal Namesake, Proposal Chat);

    private static async Task<Seeded> SeedAsync(HromadaAppFactory app)
    {
        var paper = await SubmitAsync(app, Channel.Paper, "Олена Петренко", "+380671234567", "olena@example.com");
        // Typed by hand in another format, before intake normalised phones.
        var form = await SubmitAsync(app, Channel.GoogleForm, "О. Петренко", "067 123 45 67", null);
        var email = await SubmitAsync(app, Channel.Email, null, null, "OLENA@example.com");
        var namesake = await SubmitAsync(app, Channel.Reception, "Олена Петренко", "+380501112233", null);
        var chat = await AdminSeed.SubmitAsync(app, residentId: "tg-100", channel: Channel.Telegram, phone: "+380671234567");
        return new Seeded(paper, form, email, namesake, chat);
    }

    private static async Task<Proposal> SubmitAsync(HromadaAppFactory app, Channel channel, string? name, string? phone, string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        return await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = channel,
            ReceivedAt = app.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
            SphereId = (await db.Spheres.FirstAsync(s => s.Code == "social")).Id,
            Text = "Відкрити молодіжний простір у сільському клубі",
            AuthorName = name,
            AuthorPhone = phone,
            AuthorEmail = email,
            Actor = "secretary",
        });
    }

    [Fact]
    public async Task DryRun_ListsTheAuthorsProposals_FoundByPhoneEmailOrResident_NotByName_AndChangesNothing()
    {
        await using var app = new HromadaAppFactory();
        var s = await SeedAsync(app);
        using var admin = AdminClient.ForAdmin(app);

        var response = await admin.PostAsJsonAsync("/api/admin/authors/anonymise", new { reference = s.Paper.Reference, dryRun = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        var listed = result.GetProperty("proposals").EnumerateArray().ToDictionary(
            p => p.GetProperty("reference").GetString()!, p => p.GetProperty("matchedBy").EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(new[] { s.Paper.Reference, s.Form.Reference, s.Email.Reference, s.Chat.Reference }.Order(), listed.Keys.Order());
        Assert.Equal(["reference", "phone", "email"], listed[s.Paper.Reference]);
        Assert.Equal(["phone"], listed[s.Form.Reference]);
        Assert.Equal(["email"], listed[s.Email.Reference]);
        Assert.Equal("Олена Петренко", result.GetProperty("proposals")[0].GetProperty("current").GetProperty("name").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync(p => p.AnonymisedAt != null));
    }

    [Fact]
    public async Task Anonymise_ClearsTheAuthorFromEachProposal_FlagsItUnidentified_AndAuditsEach_WithoutKeepingWhatWasErased()
    {
        await using var app = new HromadaAppFactory();
        var s = await SeedAsync(app);
        using var admin = AdminClient.ForAdmin(app);

        var response = await admin.PostAsJsonAsync("/api/admin/authors/anonymise",
            new { reference = s.Form.Reference, reason = "Заява № 15 від 20.11.2026" });
        var unidentified = await admin.GetFromJsonAsync<JsonElement>("/api/admin/proposals?unidentified=true&pageSize=50");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var erased = await db.Proposals.AsNoTracking().Where(p => p.Reference != s.Namesake.Reference).ToListAsync();
        Assert.Equal(4, erased.Count);
        Assert.All(erased, p =>
        {
            Assert.Equal((null, null, null, null), (p.AuthorName, p.AuthorPhone, p.AuthorEmail, p.ResidentId));
            Assert.True(p.IsUnidentified);
            Assert.Equal(app.Time.GetUtcNow(), p.AnonymisedAt);
        });
        var namesake = await db.Proposals.AsNoTracking().SingleAsync(p => p.Reference == s.Namesake.Reference);
        Assert.Equal(("Олена Петренко", "+380501112233"), (namesake.AuthorName, namesake.AuthorPhone));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "Author's personal data erased on request").ToListAsync();
        Assert.Equal(erased.Select(p => p.Reference).Order(), audit.Select(a => a.EntityKey).Order());
        Assert.All(audit, a =>
        {
            Assert.Equal("bootstrap", a.Actor);
            Assert.Contains("Заява № 15", a.After, StringComparison.Ordinal);
            foreach (var erasedValue in new[] { "Петренко", "123", "olena", "OLENA" })
            {
                Assert.DoesNotContain(erasedValue, a.Before + a.After, StringComparison.Ordinal);
            }
        });
        Assert.Equal(4, unidentified.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Anonymise_WithoutAReason_Is400_AndAnUnknownReferenceIs404()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);

        var noReason = await admin.PostAsJsonAsync("/api/admin/authors/anonymise", new { reference = p.Reference });
        var unknown = await admin.PostAsJsonAsync("/api/admin/authors/anonymise", new { reference = "P-2026-99999", reason = "Заява" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], (await noReason.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(AdminRole.WorkingGroup)]
    [InlineData(AdminRole.Reviewer)]
    [InlineData(AdminRole.Communications)]
    public async Task Anonymise_IsForAdminKeysOnly(AdminRole role)
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, role, role == AdminRole.Reviewer ? "sg-social" : null);

        var response = await client.PostAsJsonAsync("/api/admin/authors/anonymise", new { reference = p.Reference, dryRun = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
