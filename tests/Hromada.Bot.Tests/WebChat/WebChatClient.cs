using System.Net.Http.Json;
using System.Text.Json;

namespace Hromada.Bot.Tests.WebChat;

/// <summary>A resident using the web chat's JSON API the way the widget does: the session in a header, an id cursor.</summary>
internal sealed class WebChatClient(HttpClient http)
{
    private int _id;

    public string Token { get; private set; } = "";

    /// <summary>The id of the last bot message received (sent back as <c>after</c>).</summary>
    public long Cursor { get; private set; }

    /// <summary>The bot messages of the last answer.</summary>
    public IReadOnlyList<JsonElement> Last { get; private set; } = [];

    public string LastText => string.Join("\n", Last.Select(m => m.GetProperty("text").GetString()));

    public async Task StartAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/sessions") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Chat-Client", "widget");
        var session = await http.SendAsync(request);
        session.EnsureSuccessStatusCode();
        var json = await session.Content.ReadFromJsonAsync<JsonElement>();
        Token = json.GetProperty("token").GetString()!;
        Last = [.. json.GetProperty("messages").EnumerateArray()];
    }

    public Task<HttpResponseMessage> PostRawAsync(object body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/messages") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Chat-Session", token ?? Token);
        return http.SendAsync(request);
    }

    public async Task<JsonElement> SendAsync(object body)
    {
        var response = await PostRawAsync(body);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Take(json);
        return json;
    }

    public Task<JsonElement> TypeAsync(string text) => SendAsync(new { clientMessageId = $"m{++_id}", text, after = Cursor });

    public Task<JsonElement> PressAsync(string label)
    {
        var choices = Last.Last(m => m.GetProperty("choices").GetArrayLength() > 0).GetProperty("choices").EnumerateArray().ToList();
        var choice = choices.FirstOrDefault(c => c.GetProperty("label").GetString()!.Contains(label, StringComparison.Ordinal));
        if (choice.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", choices.Select(c => c.GetProperty("label").GetString()))}\n{LastText}");
        }
        return SendAsync(new { clientMessageId = $"m{++_id}", choice = choice.GetProperty("value").GetString(), after = Cursor });
    }

    /// <summary>A reloaded page: what was not shown yet, then the current question.</summary>
    public async Task ResumeAsync()
    {
        var json = await GetAsync($"/api/webchat/session?after={Cursor}");
        Take(json);
        if (json.GetProperty("current") is { ValueKind: JsonValueKind.Object } current)
        {
            Last = [.. Last, current];
        }
    }

    /// <summary>What the bot sent since the last message received (the widget polls this).</summary>
    public async Task<IReadOnlyList<JsonElement>> UpdatesAsync()
    {
        Take(await GetAsync($"/api/webchat/updates?after={Cursor}"));
        return Last;
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Chat-Session", Token);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private void Take(JsonElement json)
    {
        Last = [.. json.GetProperty("messages").EnumerateArray()];
        Cursor = Math.Max(Cursor, json.GetProperty("lastId").GetInt64());
    }
}
