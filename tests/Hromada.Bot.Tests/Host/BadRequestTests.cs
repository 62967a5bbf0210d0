using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;

namespace Hromada.Bot.Tests.Host;

/// <summary>
/// Requests the endpoints cannot read get a 400 ProblemDetails that names the parameter or field — in Development
/// (what <c>dotnet run</c> starts) as in production — never a 500 and never a bare "Bad Request".
/// </summary>
public sealed class BadRequestTests
{
    public static TheoryData<string> Environments => new() { "Production", "Development" };

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task AdminApi_UnreadableBodyOrQuery_IsA400_NamingTheFieldOrParameter(string environment)
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["environment"] = environment });
        var proposal = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);

        var unknownOutcome = await ProblemAsync(await admin.PostAsync(
            new Uri($"/api/admin/proposals/{proposal.Reference}/decision", UriKind.Relative),
            Json("""{"outcome":"Maybe","justification":"Так вирішили","version":1}""")));
        var malformed = await ProblemAsync(await admin.PostAsync(
            new Uri($"/api/admin/proposals/{proposal.Reference}/decision", UriKind.Relative), Json("{bad")));
        var badDate = await ProblemAsync(await admin.GetAsync(new Uri("/api/admin/proposals?from=2026-13-01", UriKind.Relative)));

        Assert.Equal("The request could not be read", unknownOutcome.GetProperty("title").GetString());
        Assert.Contains("outcome", unknownOutcome.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("The body is not valid JSON", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("from", badDate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-13-01", badDate.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task WebChat_UnreadableMessageOrCursor_IsA400_AndTheSessionGoesOn(string environment)
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["environment"] = environment });
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var chat = new WebChatClient(http);
        await chat.StartAsync();

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/messages") { Content = Json("{bad") };
        malformed.Headers.Add("X-Chat-Session", chat.Token);
        var malformedProblem = await ProblemAsync(await http.SendAsync(malformed));
        var badCursor = await ProblemAsync(await chat.PostRawAsync(new Dictionary<string, object> { ["clientMessageId"] = "m1", ["text"] = "/start", ["after"] = "abc" }));
        using var updates = new HttpRequestMessage(HttpMethod.Get, "/api/webchat/updates?after=abc");
        updates.Headers.Add("X-Chat-Session", chat.Token);
        var badQuery = await ProblemAsync(await http.SendAsync(updates));

        Assert.StartsWith("The body is not valid JSON", malformedProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("after", badCursor.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("after", badQuery.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var answer = await chat.TypeAsync("/start");
        Assert.NotEmpty(answer.GetProperty("messages").EnumerateArray());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
