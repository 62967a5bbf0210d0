using System.Net.Http.Json;
using System.Text.Json;

namespace Hromada.Bot.Tests.WebChat;

/// <summary>A resident using the web chat's JSON API the way the widget does.</summary>
internal sealed class WebChatClient(HttpClient http)
{
    private int _id;

    public string Token { get; private set; } = "";

    public JsonElement Last { get; private set; }

    public string LastText => string.Join("\n", Last.EnumerateArray().Select(m => m.GetProperty("text").GetString()));

    public async Task StartAsync()
    {
        var session = await http.PostAsJsonAsync("/api/webchat/sessions", new { });
        session.EnsureSuccessStatusCode();
        var json = await session.Content.ReadFromJsonAsync<JsonElement>();
        Token = json.GetProperty("token").GetString()!;
        Last = json.GetProperty("messages");
    }

    public Task<HttpResponseMessage> PostRawAsync(object body) => http.PostAsJsonAsync($"/api/webchat/sessions/{Token}/messages", body);

    public async Task<JsonElement> SendAsync(object body)
    {
        var response = await PostRawAsync(body);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Last = json.GetProperty("messages");
        return json;
    }

    public Task<JsonElement> TypeAsync(string text) => SendAsync(new { clientMessageId = $"m{++_id}", text });

    public Task<JsonElement> PressAsync(string label)
    {
        var choices = Last.EnumerateArray().Last().GetProperty("choices").EnumerateArray().ToList();
        var choice = choices.FirstOrDefault(c => c.GetProperty("label").GetString()!.Contains(label, StringComparison.Ordinal));
        if (choice.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", choices.Select(c => c.GetProperty("label").GetString()))}\n{LastText}");
        }
        return SendAsync(new { clientMessageId = $"m{++_id}", choice = choice.GetProperty("value").GetString() });
    }

    public async Task ResumeAsync()
    {
        Last = (await http.GetFromJsonAsync<JsonElement>($"/api/webchat/sessions/{Token}")).GetProperty("messages");
    }
}
