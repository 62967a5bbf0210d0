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
        await chat.PressAsync("Вишнівський");
        await chat.PressAsync("Черешеньки");
        await chat.PressAsync("Економіка та фінанси");
        await chat.PressAsync("Туризм");
        Assert.False(chat.Last.EnumerateArray().Last().GetProperty("requestContact").GetBoolean());
        await chat.TypeAsync("Створити велосипедний маршрут між Черешеньками та Садовим з інформаційними знаками.");
        Assert.True(chat.Last.EnumerateArray().Last().GetProperty("requestContact").GetBoolean());
        await chat.TypeAsync("ФОП Ірина Бондар");
        Assert.True(chat.Last.EnumerateArray().Last().GetProperty("requestContact").GetBoolean());
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
        var consent = chat.Last[chat.Last.GetArrayLength() - 1].GetProperty("choices")[0].GetProperty("value").GetString();

        var first = await chat.SendAsync(new { clientMessageId = "same", choice = consent });
        var retry = await chat.SendAsync(new { clientMessageId = "same", choice = consent });

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(retry.GetProperty("duplicate").GetBoolean());
        Assert.Equal(0, retry.GetProperty("messages").GetArrayLength());
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

        Assert.Contains("Де ви проживаєте", chat.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"clientMessageId\":\"x\"}", "text")]
    [InlineData("{\"text\":\"привіт\"}", "clientMessageId")]
    [InlineData("{\"clientMessageId\":\"x\",\"text\":\"a\",\"choice\":\"b\"}", "text")]
    public async Task BadMessage_Returns400ProblemNamingTheField(string body, string field)
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();

        var response = await http.PostAsync(new Uri($"/api/webchat/sessions/{chat.Token}/messages", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task MalformedJsonAndBadToken_Return400()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();

        var garbage = await http.PostAsync(new Uri($"/api/webchat/sessions/{chat.Token}/messages", UriKind.Relative),
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var badToken = await http.GetAsync(new Uri("/api/webchat/sessions/short", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }

    [Fact]
    public async Task UnknownToken_Returns404_AndOversizeText400()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        var chat = new WebChatClient(http);
        await chat.StartAsync();
        const string unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        var resume = await http.GetAsync(new Uri($"/api/webchat/sessions/{unknown}", UriKind.Relative));
        var send = await http.PostAsJsonAsync(new Uri($"/api/webchat/sessions/{unknown}/messages", UriKind.Relative),
            new { clientMessageId = "1", text = "привіт" });
        var oversize = await http.PostAsJsonAsync(new Uri($"/api/webchat/sessions/{chat.Token}/messages", UriKind.Relative),
            new { clientMessageId = "2", text = new string('а', 20_001) });

        Assert.Equal(HttpStatusCode.NotFound, resume.StatusCode);
        Assert.Equal("Unknown web chat session", (await resume.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains("text", (await oversize.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
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
