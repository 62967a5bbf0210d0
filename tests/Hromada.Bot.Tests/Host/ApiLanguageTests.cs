using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;

namespace Hromada.Bot.Tests.Host;

/// <summary>
/// Errors an API user reads are in the request's language — Ukrainian unless <c>Accept-Language</c> prefers English —
/// and never name an internal type: an unknown enum value names the field and the values it takes.
/// </summary>
public sealed class ApiLanguageTests
{
    [Fact]
    public async Task UnknownEnumValue_NamesTheFieldAndItsValues_InUkrainianByDefault_AndNoInternalType()
    {
        await using var app = new HromadaAppFactory();
        var proposal = await AdminSeed.SubmitAsync(app);
        using var admin = Client(app, null);

        var (status, body) = await SendAsync(admin, HttpMethod.Post, $"/api/admin/proposals/{proposal.Reference}/decision",
            """{"outcome":"Maybe","justification":"Так вирішили","version":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Запит не вдалося прочитати", problem.GetProperty("title").GetString());
        var outcome = problem.GetProperty("errors").GetProperty("outcome")[0].GetString()!;
        Assert.Contains("«outcome»", outcome, StringComparison.Ordinal);
        Assert.Contains("Accepted, PartiallyAccepted, Rejected", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("Hromada.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DecisionInput", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEnumValue_InEnglish_WhenTheRequestAsksForIt()
    {
        await using var app = new HromadaAppFactory();
        var proposal = await AdminSeed.SubmitAsync(app);
        using var admin = Client(app, "en-GB,en;q=0.9,uk;q=0.5");

        var (_, body) = await SendAsync(admin, HttpMethod.Post, "/api/admin/proposals/bulk/decision",
            $$"""{"items":[{"reference":"{{proposal.Reference}}","outcome":"Later","justification":"x"}],"protocolNumber":"1","protocolDate":"2026-11-02"}""");

        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("The request could not be read", problem.GetProperty("title").GetString());
        Assert.Equal("The field 'items[0].outcome' must be one of: Accepted, PartiallyAccepted, Rejected.",
            problem.GetProperty("errors").GetProperty("items[0].outcome")[0].GetString());
        Assert.DoesNotContain("Hromada.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_AndABadQueryValue_SayWhereAndWhat_WithoutTypeNames()
    {
        await using var app = new HromadaAppFactory();
        var proposal = await AdminSeed.SubmitAsync(app);
        using var admin = Client(app, null);

        var (_, malformed) = await SendAsync(admin, HttpMethod.Post, $"/api/admin/proposals/{proposal.Reference}/decision", "{bad");
        var (_, badDate) = await SendAsync(admin, HttpMethod.Get, "/api/admin/proposals?from=2026-13-01", null);
        var (_, wrongKind) = await SendAsync(admin, HttpMethod.Post, $"/api/admin/proposals/{proposal.Reference}/decision",
            """{"outcome":"Accepted","justification":"x","version":"one"}""");

        Assert.StartsWith("Тіло запиту — не правильний JSON (рядок 1, позиція", JsonDocument.Parse(malformed).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Параметр «from» не може мати значення «2026-13-01»: має бути дата, РРРР-ММ-ДД.",
            JsonDocument.Parse(badDate).RootElement.GetProperty("detail").GetString());
        Assert.Equal("Поле «version» має бути: ціле число.", JsonDocument.Parse(wrongKind).RootElement.GetProperty("errors").GetProperty("version")[0].GetString());
        Assert.All(new[] { malformed, badDate, wrongKind }, b => Assert.DoesNotContain("Hromada.", b, StringComparison.Ordinal));
        Assert.All(new[] { badDate, wrongKind }, b => Assert.DoesNotContain("Nullable", b, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Такої пропозиції немає", "Пропозиції P-404 немає.")]
    [InlineData("uk-UA", "Такої пропозиції немає", "Пропозиції P-404 немає.")]
    [InlineData("de-DE", "Такої пропозиції немає", "Пропозиції P-404 немає.")]
    [InlineData("uk, en;q=0.8", "Такої пропозиції немає", "Пропозиції P-404 немає.")]
    [InlineData("en", "No such proposal", "There is no proposal P-404.")]
    [InlineData("de, en-US;q=0.7, uk;q=0.3", "No such proposal", "There is no proposal P-404.")]
    public async Task CommandFailures_AreInTheRequestsLanguage(string? acceptLanguage, string title, string detail)
    {
        await using var app = new HromadaAppFactory();
        using var admin = Client(app, acceptLanguage);

        var (status, body) = await SendAsync(admin, HttpMethod.Get, "/api/admin/proposals/P-404", null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FieldErrors_AndTheKeyCheck_AreUkrainianByDefault_EnglishWhenAsked()
    {
        await using var app = new HromadaAppFactory();
        var proposal = await AdminSeed.SubmitAsync(app);
        using var ukrainian = Client(app, null);
        using var english = Client(app, "en");
        using var anonymous = app.CreateClient();
        const string Body = """{"outcome":"Accepted","justification":"","version":1}""";

        var (_, uk) = await SendAsync(ukrainian, HttpMethod.Post, $"/api/admin/proposals/{proposal.Reference}/decision", Body);
        var (_, en) = await SendAsync(english, HttpMethod.Post, $"/api/admin/proposals/{proposal.Reference}/decision", Body);
        var (unauthorised, noKey) = await SendAsync(anonymous, HttpMethod.Get, "/api/admin/proposals", null);

        var ukProblem = JsonDocument.Parse(uk).RootElement;
        var enProblem = JsonDocument.Parse(en).RootElement;
        Assert.Equal("Рішення неповне", ukProblem.GetProperty("title").GetString());
        Assert.Equal("The decision is incomplete", enProblem.GetProperty("title").GetString());
        Assert.Matches("[а-яіїєґ]", ukProblem.GetProperty("errors").GetProperty("justification")[0].GetString()!);
        Assert.DoesNotMatch("[а-яіїєґ]", enProblem.GetProperty("errors").GetProperty("justification")[0].GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised);
        Assert.Equal("Потрібен ключ адміністративного API", JsonDocument.Parse(noKey).RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(null, "Надішліть запит як JSON", "Тіло запиту завелике", @"^Тут приймається щонайбільше 262\s144 байти\.$")]
    [InlineData("en", "Send the request as JSON", "The request body is too large", @"^At most 262144 bytes are accepted here\.$")]
    public async Task SecurityRefusals_NotJson_AndTooLarge_AreInTheRequestsLanguage(string? acceptLanguage, string notJson, string tooLarge, string detail)
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var text = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        using var plain = await http.PostAsync(new Uri("/api/webchat/sessions", UriKind.Relative), text);
        using var huge = new StringContent($$"""{"text":"{{new string('а', 2_000_000)}}"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var large = await http.PostAsync(new Uri("/api/webchat/sessions", UriKind.Relative), huge);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(notJson, JsonDocument.Parse(await plain.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var problem = JsonDocument.Parse(await large.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(tooLarge, problem.GetProperty("title").GetString());
        Assert.Matches(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, "Оголошення неправильне", "Напишіть текст оголошення.", "Оберіть принаймні один канал", "Цей час уже минув")]
    [InlineData("en", "The announcement is not valid", "The text may not be empty.", "Choose at least one target", "is in the past")]
    public async Task AnnouncementFieldProblems_AreInTheRequestsLanguage(string? acceptLanguage, string title, string text, string targets, string sendAt)
    {
        await using var app = new HromadaAppFactory();
        using var admin = Client(app, acceptLanguage);

        var (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/admin/announcements",
            """{"text":" ","targets":[],"sendAt":"2020-01-01T10:00:00+02:00"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(text, errors.GetProperty("text")[0].GetString());
        Assert.StartsWith(targets, errors.GetProperty("targets")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(sendAt, errors.GetProperty("sendAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnouncementToAChannelThatIsOff_IsRefusedInUkrainian_NamingTheChannel()
    {
        await using var app = new HromadaAppFactory();
        using var admin = Client(app, null);

        var (_, body) = await SendAsync(admin, HttpMethod.Post, "/api/admin/announcements",
            $$"""{"text":"Прийом пропозицій триває","targets":["FacebookPage"],"sendAt":"{{app.Time.GetUtcNow().AddDays(1):O}}"}""");

        Assert.Equal("Канал «сторінка громади у Facebook» (FacebookPage) зараз вимкнено в налаштуваннях служби: попросіть адміністратора його увімкнути.",
            JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("targets[0]")[0].GetString());
    }

    private static HttpClient Client(HromadaAppFactory app, string? acceptLanguage)
    {
        var client = AdminClient.ForAdmin(app);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
