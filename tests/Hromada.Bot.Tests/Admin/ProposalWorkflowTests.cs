using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

public sealed class ProposalWorkflowTests
{
    private static readonly object Decision = new
    {
        outcome = "PartiallyAccepted",
        justification = "Ремонт дороги включено до програми; тротуар — у наступному році через обмеження бюджету.",
        protocolNumber = "12",
        protocolDate = "2026-11-20",
    };

    [DatabaseTheory, OnEachDatabase]
    public async Task Decision_IsRecorded_AndTheAuthorIsNotifiedInTheirChannelAndLanguage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var telegram = new FakeChannelSender(Channel.Telegram);
        await using var app = new HromadaAppFactory().WithDatabase(database).WithServices(s => s.AddSingleton<IChannelSender>(telegram));
        var p = await AdminSeed.SubmitAsync(app, channel: Channel.Telegram, residentId: "4242");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision", Decision);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.GetAsync(() => telegram.Sent.Count, n => n > 0, "the decision notice");
        await app.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
        var (user, text) = Assert.Single(telegram.Sent);
        Assert.Equal("4242", user);
        Assert.Contains(p.Reference, text, StringComparison.Ordinal);
        Assert.Contains("врахувати частково", text, StringComparison.Ordinal);
        Assert.Contains("тротуар — у наступному році", text, StringComparison.Ordinal);
        Assert.Contains("Протокол № 12 від 20.11.2026", text, StringComparison.Ordinal);

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");
        Assert.Equal("PartiallyAccepted", details.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal("delivered", details.GetProperty("notices")[0].GetProperty("state").GetString());
        Assert.Contains(details.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "Decided");
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Decision_ForAResidentOutsideThePushWindow_IsHeldAndVisible(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var messenger = new FakeChannelSender(Channel.Messenger, new SendResult(SendStatus.OutsideWindow));
        await using var app = new HromadaAppFactory().WithDatabase(database).WithServices(s => s.AddSingleton<IChannelSender>(messenger));
        var p = await AdminSeed.SubmitAsync(app, channel: Channel.Messenger, residentId: "psid-1");
        using var client = AdminClient.ForAdmin(app);

        await client.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision", Decision);

        await Eventually.GetAsync(() => messenger.Attempts.Count, n => n > 0, "the attempt to push the notice");
        await app.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
        var notice = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}")).GetProperty("notices")[0];
        Assert.Equal("held", notice.GetProperty("state").GetString());
        Assert.Contains("next message", notice.GetProperty("heldReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(messenger.Sent);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task DecisionNotice_ThatFailsToSend_IsRetriedWithBackoff_UntilItGoesThrough(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var telegram = new FakeChannelSender(Channel.Telegram,
            new SendResult(SendStatus.Failed, "Telegram 502: Bad Gateway"), new SendResult(SendStatus.Failed, "Telegram 502: Bad Gateway"));
        await using var app = new HromadaAppFactory().WithDatabase(database).WithServices(s => s.AddSingleton<IChannelSender>(telegram));
        var p = await AdminSeed.SubmitAsync(app, channel: Channel.Telegram, residentId: "4243");
        using var client = AdminClient.ForAdmin(app);

        await client.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision", Decision);
        await Eventually.GetAsync(() => telegram.Attempts.Count, n => n >= 1, "the first attempt");
        // The sender has been called; its result is written by the dispatcher just after, so wait for it to be stored.
        JsonElement pending = default;
        for (var tries = 0; tries < 100; tries++)
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
            pending = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}")).GetProperty("notices")[0];
            if (pending.GetProperty("heldReason").ValueKind == JsonValueKind.String)
            {
                break;
            }
            await Task.Delay(50);
        }
        Assert.Equal("pending", pending.GetProperty("state").GetString());
        Assert.Contains("502", pending.GetProperty("heldReason").GetString(), StringComparison.Ordinal);

        // Each retry waits its backoff on the host's clock.
        await Eventually.GetAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            return telegram.Sent.Count;
        }, n => n == 1, "the retried notice");

        Assert.Equal(3, telegram.Attempts.Count);
        await app.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();
        var delivered = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}")).GetProperty("notices")[0];
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
        Assert.Equal(2, delivered.GetProperty("attempts").GetInt32());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Decision_WithEmptyJustification_Returns400NamingTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var p = await AdminSeed.SubmitAsync(app);
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision",
            new { outcome = "Rejected", justification = "   ", protocolNumber = "3", protocolDate = "2026-11-20" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["justification"], problem!.Errors.Keys);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Decision_OnUnknownReference_Returns404(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals/P-2026-99999/decision", Decision);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such proposal", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task TwoSecretariesChangingTheSameProposal_TheSecondGets409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var p = await AdminSeed.SubmitAsync(app);
        using var client = AdminClient.ForAdmin(app);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}"))
            .GetProperty("proposal").GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/flags", new { offTopic = true, version });
        var second = await client.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision",
            new { outcome = "Accepted", justification = "Підтримано", protocolNumber = "1", protocolDate = "2026-11-20", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Someone else changed this proposal", (await second.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Reclassification_KeepsTheResidentsOriginalAnswer_AndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var p = await AdminSeed.SubmitAsync(app, sphere: "other");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/classification",
            new { sphere = "infrastructure", topic = "roads", reason = "Пропозиція стосується ремонту дороги" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");
        Assert.Equal("infrastructure", details.GetProperty("proposal").GetProperty("sphere").GetProperty("code").GetString());
        Assert.Equal("roads", details.GetProperty("proposal").GetProperty("topic").GetProperty("code").GetString());
        Assert.Equal("other", details.GetProperty("originalSphere").GetProperty("code").GetString());
        var audit = details.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("action").GetString() == "Reclassified");
        Assert.Equal("bootstrap", audit.GetProperty("actor").GetString());
        Assert.Contains("Пропозиція стосується ремонту дороги", audit.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Routing_ThenTheReviewersPosition_OnlyForItsOwnBody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var p = await AdminSeed.SubmitAsync(app);
        var other = await AdminSeed.SubmitAsync(app, text: "Облаштувати укриття в школі села Вишневе");
        using var admin = AdminClient.ForAdmin(app);
        using var infra = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");
        using var social = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-social");

        var routed = await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure", "finance-dept" }, dueDate = "2026-11-30" });
        var visible = await infra.GetFromJsonAsync<JsonElement>("/api/admin/proposals");
        var hidden = await infra.GetAsync(new Uri($"/api/admin/proposals/{other.Reference}", UriKind.Relative));
        var ownPosition = await infra.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position",
            new { stance = "Support", justification = "Дорога у плані ремонтів на 2027 рік" });
        var foreignPosition = await social.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position",
            new { stance = "Reject", justification = "Не наше" });

        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Equal(1, visible.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPosition.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPosition.StatusCode);
        Assert.Equal(JsonValueKind.Null, visible.GetProperty("items")[0].GetProperty("author").ValueKind);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task OverdueFilter_ShowsRoutesPastTheirDueDateWithoutAPosition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var late = await AdminSeed.SubmitAsync(app);
        var onTime = await AdminSeed.SubmitAsync(app, text: "Встановити лавки біля ставка в Ставках");
        using var client = AdminClient.ForAdmin(app);
        await client.PostAsJsonAsync($"/api/admin/proposals/{late.Reference}/routes", new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-05" });
        await client.PostAsJsonAsync($"/api/admin/proposals/{onTime.Reference}/routes", new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-12-05" });
        app.Time.Advance(TimeSpan.FromDays(7));

        var overdue = await client.GetFromJsonAsync<JsonElement>("/api/admin/proposals?overdue=true");

        Assert.Equal(1, overdue.GetProperty("total").GetInt32());
        Assert.Equal(late.Reference, overdue.GetProperty("items")[0].GetProperty("reference").GetString());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task BulkRouting_RoutesEachProposal_AndNamesUnknownBodies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var a = await AdminSeed.SubmitAsync(app);
        var b = await AdminSeed.SubmitAsync(app, text: "Облаштувати зупинку шкільного автобуса в Луговому");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var routed = await client.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { a.Reference, b.Reference }, reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" });
        var unknown = await client.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { a.Reference }, reviewBodies = new[] { "sg-moon" }, dueDate = "2026-11-30" });

        Assert.Equal(2, (await routed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetArrayLength());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/proposals?status=Routed");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("sg-moon", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task BulkDecision_ReportsEachReference(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var a = await AdminSeed.SubmitAsync(app);
        var b = await AdminSeed.SubmitAsync(app, text: "Відкрити спортивний майданчик у Садовому");
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals/bulk/decision", new
        {
            references = new[] { a.Reference, b.Reference, "P-2026-77777" },
            outcome = "Rejected",
            justification = "Не належить до повноважень органів місцевого самоврядування",
            protocolNumber = "5",
            protocolDate = "2026-11-20",
        });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("done").GetArrayLength());
        Assert.Equal("P-2026-77777", result.GetProperty("notFound")[0].GetString());
        var decided = await client.GetFromJsonAsync<JsonElement>("/api/admin/proposals?outcome=Rejected");
        Assert.Equal(2, decided.GetProperty("total").GetInt32());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task List_FiltersSortsAndPages_WithATotal_AndHidesPersonalFieldsFromTheWorkingGroup(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        for (var i = 0; i < 5; i++)
        {
            await AdminSeed.SubmitAsync(app, text: $"Пропозиція номер {i}: ремонт дороги в Камʼянці", settlement: "kamianka");
        }
        await AdminSeed.SubmitAsync(app, text: "Освітлення вулиці в Озерному", settlement: "ozerne");
        using var group = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var admin = AdminClient.ForAdmin(app);

        var page = await group.GetFromJsonAsync<JsonElement>("/api/admin/proposals?district=kamianka&sort=reference&page=2&pageSize=2");
        var search = await group.GetFromJsonAsync<JsonElement>("/api/admin/proposals?q=" + Uri.EscapeDataString("ОЗЕРНОМУ"));
        var withPersonal = await admin.GetFromJsonAsync<JsonElement>("/api/admin/proposals?q=Озерному");
        var badSort = await group.GetAsync(new Uri("/api/admin/proposals?sort=colour", UriKind.Relative));

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(["P-2026-00003", "P-2026-00004"], page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("reference").GetString()));
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, search.GetProperty("items")[0].GetProperty("author").ValueKind);
        Assert.Equal("Олена Петренко", withPersonal.GetProperty("items")[0].GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    [Theory]
    [InlineData("камянка")]
    [InlineData("Кам'янка")]
    [InlineData("КАМ’ЯНКА")]
    [InlineData("камʼянка")]
    public async Task Search_FindsAWordWithAnApostrophe_TypedWithAnyOrNone(string typed)
    {
        await using var app = new HromadaAppFactory();
        var road = await AdminSeed.SubmitAsync(app, text: "Відремонтувати дорогу до школи в селі Камʼянка");
        await AdminSeed.SubmitAsync(app, text: "Освітлення вулиці в Озерному", settlement: "ozerne");
        using var group = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var search = await group.GetFromJsonAsync<JsonElement>("/api/admin/proposals?q=" + Uri.EscapeDataString(typed));

        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal(road.Reference, search.GetProperty("items")[0].GetProperty("reference").GetString());
    }
}
