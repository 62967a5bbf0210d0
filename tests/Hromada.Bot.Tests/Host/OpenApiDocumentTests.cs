using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;

namespace Hromada.Bot.Tests.Host;

/// <summary>
/// The OpenAPI document says what the endpoints really do, so Swagger UI's "Try it out" works: every operation is
/// called as the document describes it (its path and header parameters, its request body's media type) and its answer's
/// status and Content-Type must be among those the document declares for it.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    [Fact]
    public async Task EveryOperation_CalledAsDocumented_AnswersAStatusAndMediaTypeTheDocumentDeclares()
    {
        await using var app = new HromadaAppFactory();
        var proposal = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        using var document = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        string? session = null;

        var mismatches = new List<string>();
        var answered = new Dictionary<string, (int Status, string? MediaType)>(StringComparer.Ordinal);
        var sessions = document.RootElement.GetProperty("paths").GetProperty("/api/webchat/sessions").GetProperty("post");
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name.ToUpperInvariant(), Operation: o.Value)))
            .OrderBy(o => o.Path == "/api/webchat/sessions" ? 0 : 1) // a session first: the other web chat calls need its token
            .ThenBy(o => o.Method == "DELETE" || o.Path.EndsWith("/close", StringComparison.Ordinal) ? 1 : 0)
            .ToList();
        foreach (var (path, method, operation) in operations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Fill(path, proposal.Reference), UriKind.Relative));
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
            {
                if (parameter.GetProperty("in").GetString() == "header")
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    request.Headers.Add(name, name == "X-Chat-Session" ? session ?? "none" : "web");
                }
            }
            if (operation.TryGetProperty("requestBody", out var body))
            {
                var mediaType = body.GetProperty("content").EnumerateObject().First().Name;
                request.Content = new StringContent(mediaType == "text/csv" ? "Позначка часу,Пропозиція\n" : "{}", Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
            }
            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var actual = response.Content.Headers.ContentType?.MediaType;
            answered[$"{method} {path}"] = (status, actual);
            if (path == "/api/webchat/sessions" && status == 200)
            {
                session = JsonDocument.Parse(bytes).RootElement.GetProperty("token").GetString();
            }
            if (status == 429)
            {
                continue; // rate limits are not part of an operation's description
            }
            if (!operation.GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var declared))
            {
                mismatches.Add($"{method} {path}: answered {status} {actual}, which the document does not declare: {Encoding.UTF8.GetString(bytes.Take(200).ToArray())}");
                continue;
            }
            var declaredTypes = declared.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(c => c.Name).ToList() : [];
            if (bytes.Length > 0 && !declaredTypes.Contains(actual ?? ""))
            {
                mismatches.Add($"{method} {path}: answered {status} as {actual}; the document says [{string.Join(", ", declaredTypes)}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.True(answered.Count >= 55, $"only {answered.Count} operations called");
        // The files and the web chat really answered, not only their errors.
        foreach (var (operation, mediaType) in new[]
        {
            ("GET /api/admin/exports/proposals.csv", "text/csv"),
            ("GET /api/admin/exports/proposals.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("GET /api/admin/reports/interim.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("GET /api/admin/reports/charts/{name}.png", "image/png"),
            ("GET /feed.xml", "application/atom+xml"),
            ("POST /api/webchat/sessions", "application/json"),
            ("GET /api/webchat/updates", "application/json"),
            ("GET /api/admin/proposals/{reference}", "application/json"),
        })
        {
            Assert.Equal((200, mediaType), answered[operation]);
        }
        Assert.Equal((404, "application/problem+json"), answered["GET /api/admin/meetings/{id}"]);
        Assert.Equal(400, answered["POST /api/admin/imports/google-forms"].Status);
    }

    [Fact]
    public async Task TheDocument_NamesQueryParametersAsTheReadmeDoes_ListsNoNullAmongValues_AndHasNoCSharpInItsTexts()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var json = await admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var list = root.GetProperty("paths").GetProperty("/api/admin/proposals").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Contains("sphere", list);
        Assert.Contains("q", list);
        Assert.Contains("reviewBody", list);
        Assert.DoesNotContain("reviewBodyId", list);
        Assert.All(list, n => Assert.True(char.IsLower(n[0]), $"{n} is not camelCase"));
        var outcomes = root.GetProperty("components").GetProperty("schemas").GetProperty("DecisionOutcome").GetProperty("enum")
            .EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? "null" : e.GetString()).ToList();
        Assert.Equal(["Accepted", "PartiallyAccepted", "Rejected"], outcomes);
        var texts = Texts(root.GetProperty("paths")).Concat(Texts(root.GetProperty("components"))).ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} texts");
        Assert.All(texts, t => Assert.False(CSharp().IsMatch(t), $"C# in a description: {t}"));
        var sessions = root.GetProperty("paths").GetProperty("/api/webchat/sessions").GetProperty("post");
        Assert.Contains(sessions.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Chat-Client" && p.GetProperty("in").GetString() == "header");
        Assert.True(sessions.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(root.GetProperty("paths").GetProperty("/api/admin/imports/google-forms").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
    }

    /// <summary>The path with its parameters filled: the seeded proposal and consultation, a review body, a chart; other ids unknown.</summary>
    private static string Fill(string path, string reference) =>
        Parameter().Replace(path, m => m.Groups[1].Value switch
        {
            "reference" => reference,
            "reviewBody" or "code" => "sg-infrastructure",
            "name" => "spheres",
            "consultationId" => "1",
            "id" when path.StartsWith("/api/admin/consultations/", StringComparison.Ordinal) => "1",
            _ => "999999",
        });

    private static IEnumerable<string> Texts(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name is "description" or "summary" && p.Value.ValueKind == JsonValueKind.String)
                {
                    yield return p.Value.GetString()!;
                }
                foreach (var t in Texts(p.Value))
                {
                    yield return t;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in element.EnumerateArray().SelectMany(Texts))
            {
                yield return t;
            }
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();

    /// <summary>What an XML comment's reference turns into: "IReadOnlyList&lt;string&gt;", "Result.Skipped".</summary>
    [GeneratedRegex(@"&lt;|&gt;|\w<\w+>|\b[A-Z][a-z]\w*\.[A-Z]\w*\b")]
    private static partial Regex CSharp();
}
