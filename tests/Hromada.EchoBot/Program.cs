using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

// A bare webhook echo bot: every update is answered with one sendMessage inside the webhook request, the way the
// Telegram.Bot examples do it. Configuration: Echo__Token, Echo__ApiBaseUrl, Urls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var token = builder.Configuration["Echo:Token"] ?? throw new InvalidOperationException("Echo:Token is required.");
var apiBase = builder.Configuration["Echo:ApiBaseUrl"] ?? throw new InvalidOperationException("Echo:ApiBaseUrl is required.");
builder.Services.AddHttpClient("telegram");
builder.Services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
    new TelegramBotClientOptions(token, apiBase.TrimEnd('/')), sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram")));

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapPost("/telegram/webhook", async (HttpRequest request, ITelegramBotClient bot, CancellationToken ct) =>
{
    var update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
    switch (update)
    {
        case { Message: { Text: { } text } m }:
            await bot.SendMessage(m.Chat.Id, text, cancellationToken: ct);
            break;
        case { CallbackQuery: { Message: { } m, Data: { } data } }:
            await bot.SendMessage(m.Chat.Id, data, cancellationToken: ct);
            break;
    }
    return Results.Ok();
});
app.Run();
