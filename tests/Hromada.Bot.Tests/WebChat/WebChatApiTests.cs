using System.Net;
using System.Net.Http.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.WebChat;

public sealed class WebChatApiTests
{
    [Fact]
    public async Task Submission_ThroughTheApi_IsStoredWithEveryAnswer()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());

        await chat.StartAsync();
        Assert.Contains("чат-бот Зеленодільської сільської громади", chat.LastText, StringComparison.Ordinal);
        await chat.PressAsync("Погоджуюся");
        await chat.PressAsync("Субʼєкт господарювання");
        await chat.PressAsync("Торгівля");
        await chat.PressAsync("Черешеньки");
        await chat.PressAsync("Економіка та фінанси");
        await chat.PressAsync("Туризм");
        Assert.False(chat.Last[^1].GetProperty("requestContact").GetBoolean());
        await chat.TypeAsync("Створити велосипедний маршрут між Черешеньками та Садовим з інформаційними знаками.");
        Assert.True(chat.Last[^1].GetProperty("requestContact").GetBoolean());
        await chat.TypeAsync("ФОП Ірина Бондар");
        Assert.True(chat.Last[^1].GetProperty("requestContact").GetBoolean());
        await chat.TypeAsync("+38 (050) 765-43-21");
        await chat.PressAsync("Надіслати");

        Assert.Matches(@"P-2026-00001", chat.LastText);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var p = await db.Proposals.Include(x => x.AuthorCategory).Include(x => x.BusinessKind).Include(x => x.Settlement).Include(x => x.ResidenceSettlement)
            .Include(x => x.Sphere).Include(x => x.Topic).SingleAsync();
        Assert.Equal(Channel.WebChat, p.Channel);
        Assert.Equal("business", p.AuthorCategory!.Code);
        Assert.Equal("trade", p.BusinessKind!.Code);
        Assert.Equal(("chereshenky", "chereshenky"), (p.Settlement!.Code, p.ResidenceSettlement!.Code));
        Assert.Equal("economy", p.Sphere!.Code);
        Assert.Equal("tourism", p.Topic!.Code);
        Assert.Equal("Створити велосипедний маршрут між Черешеньками та Садовим з інформаційними знаками.", p.Text);
        Assert.Equal("ФОП Ірина Бондар", p.AuthorName);
        Assert.Equal("+380507654321", p.AuthorPhone);
    }

    [Fact]
    public async Task RetriedPost_WithTheSameClientMessageId_IsAnsweredOnce()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await chat.StartAsync();
        var consent = chat.Last[^1].GetProperty("choices")[0].GetProperty("value").GetString();

        var first = await chat.SendAsync(new { clientMessageId = "same", choice = consent, after = 0 });
        var retry = await chat.SendAsync(new { clientMessageId = "same", choice = consent, after = 0 });

        // The retry (a response lost on the way) gets the same messages again, with the same ids; nothing is handled twice.
        Assert.Equal(Ids(first), Ids(retry));
        Assert.NotEmpty(Ids(first));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(1, await db.InboxItems.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Reload_ResumesAtTheSameQuestion()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");
        await chat.PressAsync("Громадська організація");

        await chat.ResumeAsync();

        Assert.Contains("Де працює ваше підприємство чи організація", chat.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"clientMessageId\":\"x\"}", "text")]
    [InlineData("{\"text\":\"привіт\"}", "clientMessageId")]
    [InlineData("{\"clientMessageId\":\"x\",\"text\":\"a\",\"choice\":\"b\"}", "text")]
    [InlineData("{\"clientMessageId\":\"x\",\"text\":\"a\",\"after\":-1}", "after")]
    public async Task BadMessage_Returns400ProblemNamingTheField(string body, string field)
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();

        var response = await Post(http, chat.Token, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task MalformedJson_BadOrMissingSession_AndOversizeText_Return400()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();

        var garbage = await Post(http, chat.Token, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var badToken = await Post(http, "short", JsonContent.Create(new { clientMessageId = "1", text = "привіт" }));
        var noToken = await http.GetAsync(new Uri("/api/webchat/session", UriKind.Relative));
        var oversize = await Post(http, chat.Token, JsonContent.Create(new { clientMessageId = "2", text = new string('а', 20_001) }));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("Немає сеансу вебчату", (await noToken.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("text", (await oversize.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task StartingASession_StoresNothing_UntilTheFirstMessage()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());

        for (var i = 0; i < 5; i++)
        {
            await chat.StartAsync();
        }
        Assert.Contains("Погоджуюся", chat.Last[^1].GetProperty("choices")[0].GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountResidentsAsync(app));

        await chat.PressAsync("Погоджуюся");

        Assert.Contains("Хто подає", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(1, await CountResidentsAsync(app));
    }

    [Fact]
    public async Task SessionStart_FromAnotherSitesPlainForm_IsRefused()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();

        // What any web page can send cross-site without asking: a form post with text/plain, or JSON without the custom header.
        var plain = await http.PostAsync(new Uri("/api/webchat/sessions", UriKind.Relative), new StringContent("x", System.Text.Encoding.UTF8, "text/plain"));
        var json = await http.PostAsJsonAsync(new Uri("/api/webchat/sessions", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("Це не віджет вебчату", (await json.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task ManyMessagesAtOnceToOneSession_AreAllAnswered_InOrder_NeverWith500()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Conversation:MaxMessagesPerMinute"] = "100" });
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            chat.PostRawAsync(new { clientMessageId = $"burst-{i}", text = "/help", after = chat.Cursor })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var handled = await db.InboxItems.OrderBy(i => i.Id).Select(i => new { i.Id, i.Status, i.ProcessedAt }).ToListAsync();
        Assert.Equal(65, handled.Count);
        Assert.All(handled, i => Assert.Equal(Core.Inbox.InboxStatus.Done, i.Status));
        var replies = await db.OutboxMessages.OrderBy(o => o.Id).Select(o => o.InboxItemId).ToListAsync();
        Assert.Equal(handled.Select(i => (long?)i.Id), replies.Take(handled.Count));
    }

    [Fact]
    public async Task DecisionNotice_ReachesAnOpenWebChat_ThroughUpdates()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var resident = await db.Residents.SingleAsync();
            var outbox = scope.ServiceProvider.GetRequiredService<Core.Outbox.IOutbox>();
            outbox.Enqueue(new Core.Outbox.OutboxRequest(Channel.WebChat, chat.Token, Core.Outbox.OutboxPurpose.Notice,
                [new Core.Conversation.OutboundMessage("Робоча група ухвалила рішення щодо вашої пропозиції P-2026-00009.")]) { ResidentId = resident.Id });
            await db.SaveChangesAsync();
        }

        var updates = await chat.UpdatesAsync();
        var again = await chat.UpdatesAsync();

        Assert.Contains("P-2026-00009", Assert.Single(updates).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(again);
    }

    [Fact]
    public async Task Forget_LeavesNoTraceOfTheSessionOrTheAuthor_AnywhereInTheDatabase()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");
        await chat.PressAsync("Субʼєкт господарювання");
        await chat.PressAsync("Торгівля");
        await chat.PressAsync("Черешеньки");
        await chat.PressAsync("Економіка та фінанси");
        await chat.PressAsync("Туризм");
        await chat.TypeAsync("Створити велосипедний маршрут між Черешеньками та Садовим з інформаційними знаками.");
        await chat.TypeAsync("ФОП Ірина Бондар");
        await chat.TypeAsync("+38 (050) 765-43-21");
        await chat.PressAsync("Надіслати");

        await chat.TypeAsync("/forget");
        await chat.PressAsync("Так, видалити");
        await app.Services.GetRequiredService<Core.Outbox.OutboxDispatcher>().FlushAsync();

        Assert.Contains("Знеособлено 1 пропозицію", chat.LastText, StringComparison.Ordinal);
        // The web chat's message ids begin with the session (WebChatMessageIds): their dedup marks go with the resident.
        var traces = await DatabaseScan.FindAsync(Path.Combine(app.Folder, "hromada.db"), chat.Token, "Бондар", "0507654321", "507654321");
        Assert.Empty(traces);
    }

    private static List<long> Ids(System.Text.Json.JsonElement response) =>
        response.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).Distinct().ToList();

    private static async Task<int> CountResidentsAsync(HromadaAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Residents.CountAsync();
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/messages") { Content = content };
        request.Headers.Add("X-Chat-Session", token);
        return http.SendAsync(request);
    }

    [Fact]
    public async Task TheWidget_IsServedAtTheRoot_WithItsAssets()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = await http.GetAsync(new Uri("/webchat/webchat.js", UriKind.Relative));
        var embed = await http.GetAsync(new Uri("/webchat/embed.js", UriKind.Relative));
        var privacy = await http.GetAsync(new Uri("/privacy.html", UriKind.Relative));

        Assert.Contains("lang=\"uk\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
    }
}
