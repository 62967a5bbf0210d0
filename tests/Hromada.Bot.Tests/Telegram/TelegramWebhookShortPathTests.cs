using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>
/// Telegram's webhook POSTs skip the routing and the key check (a short branch of the pipeline): what applies to them
/// stays — the security headers on every answer, the body limit's 413 and the exception handler's 500 as
/// ProblemDetails, the secret token — and the branch is there only in webhook mode.
/// </summary>
public sealed class TelegramWebhookShortPathTests
{
    private const long Chat = 5151;

    [Fact]
    public async Task EveryAnswerOfTheWebhook_CarriesTheSecurityHeaders()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);

        using var taken = await host.PostWebhookAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start").ToJsonString(), TelegramHost.Secret);
        using var refused = await host.PostWebhookAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start").ToJsonString(), "wrong");
        using var garbage = await host.PostWebhookAsync("{ not json", TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        foreach (var response in new[] { taken, refused, garbage })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.StartsWith("default-src 'self'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        }
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Wrong secret token", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AButtonPress_IsAnsweredInTheWebhooksResponse_AsJson()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var r = new TelegramResident(host, Chat);
        await r.DoAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start"));
        // The first button of the greeting (every label starts with "").
        var (messageId, data) = r.Button("");

        using var response = await host.PostWebhookAsync(TelegramUpdates.Callback(host.NextUpdateId(), Chat, messageId, data).ToJsonString(), TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answerCallbackQuery", answer.GetProperty("method").GetString());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("callback_query_id").GetString()));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task AnOversizedUpdate_Is413_AsProblemDetails()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var huge = TelegramUpdates.Text(host.NextUpdateId(), Chat, new string('я', 600_000)).ToJsonString();

        using var response = await host.PostWebhookAsync(huge, TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task AnUpdateThatCannotBeStored_Is500_AsProblemDetails_AndTelegramDeliversItAgain()
    {
        var readOnly = new ReadOnlyConnections();
        await using var host = await TelegramHost.StartAsync(webhook: true,
            services: s => s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(readOnly)));
        var update = TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start").ToJsonString();

        readOnly.On = true;
        using var refused = await host.PostWebhookAsync(update, TelegramHost.Secret);
        readOnly.On = false;
        using var again = await host.PostWebhookAsync(update, TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal("nosniff", Header(refused, "X-Content-Type-Options"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task InPollingMode_ThereIsNoWebhook()
    {
        await using var host = await TelegramHost.StartAsync(webhook: false);

        using var response = await host.PostWebhookAsync(TelegramUpdates.Text(host.NextUpdateId(), Chat, "/start").ToJsonString(), TelegramHost.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnotherMethodOnTheWebhooksPath_IsStill405()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);

        using var response = await host.Client.GetAsync(new Uri("/telegram/webhook", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    /// <summary>While on, every connection opened may only read (<c>PRAGMA query_only</c>): storing the update fails.</summary>
    private sealed class ReadOnlyConnections : DbConnectionInterceptor
    {
        public volatile bool On;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(On ? 1 : 0)};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(On ? 1 : 0)};";
            command.ExecuteNonQuery();
        }
    }
}
