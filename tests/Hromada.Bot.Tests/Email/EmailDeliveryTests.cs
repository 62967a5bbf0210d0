using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Email;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer.Protocol;

namespace Hromada.Bot.Tests.Email;

public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task Notice_ByEmail_ArrivesThroughSmtp_AsPlainTextWithAnHtmlAlternative_FromTheConfiguredAddress()
    {
        await using var host = await EmailHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Email:FromName"] = "Зеленодільська громада" });
        var request = EmailRequest.Create(" author@example.com ", "Рішення щодо пропозиції P-2026-00001",
            "Вашу пропозицію <b>враховано</b>.\n\nСтатус: https://bot.zelenodil.test/p/P-2026-00001-abc.")!;

        var id = await host.EnqueueAsync(request);
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the e-mail's outcome");

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var mail = Assert.Single(host.Smtp.To("author@example.com"));
        Assert.Equal("Рішення щодо пропозиції P-2026-00001", mail.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(mail.From));
        Assert.Equal((EmailHost.From, "Зеленодільська громада"), (from.Address, from.Name));
        Assert.Contains("Вашу пропозицію <b>враховано</b>.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;враховано&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bot.zelenodil.test/p/P-2026-00001-abc\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task RefusedRecipient_IsNotRetried_AndTheRefusalIsStoredOnTheMessage()
    {
        await using var host = await EmailHost.StartAsync();
        host.Smtp.Refuse("gone@example.com");

        var id = await host.EnqueueAsync(EmailRequest.Create("gone@example.com", "Рішення", "Текст")!);
        var other = await host.EnqueueAsync(EmailRequest.Create("here@example.com", "Рішення", "Текст")!);
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the refused e-mail's outcome");
        // Pushes are paced (Hromada:Email:PerMinute) on the host's clock: move it on for the second.
        await host.OutboxAsync(other, o => o.Status == OutboxStatus.Sent, "the other e-mail", TimeSpan.FromSeconds(1));

        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Contains("SMTP 550", row.LastError, StringComparison.Ordinal);
        Assert.Contains("gone@example.com", row.LastError, StringComparison.Ordinal);
        Assert.Empty(host.Smtp.To("gone@example.com"));
        Assert.Single(host.Smtp.To("here@example.com"));
    }

    [Fact]
    public async Task TemporaryRefusal_IsRetriedOnTheClock_AndTheEmailArrivesOnce()
    {
        await using var host = await EmailHost.StartAsync();
        host.Smtp.AnswerNext((SmtpReplyCode)450, "Mailbox busy, try again later");
        host.Smtp.AnswerNext((SmtpReplyCode)451, "Local error, try again later");

        var id = await host.EnqueueAsync(EmailRequest.Create("author@example.com", "Рішення", "Текст")!);
        var first = await host.OutboxAsync(id, o => o.Attempts >= 1 || o.Status != OutboxStatus.Pending, "the first attempt");
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Contains("SMTP 450", first.LastError, StringComparison.Ordinal);

        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the retried e-mail", TimeSpan.FromSeconds(5));

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(3, host.Smtp.Transactions);
        Assert.Single(host.Smtp.To("author@example.com"));
    }

    [Fact]
    public async Task SmtpServerDown_IsRetried_ThenGivenUpAndShownAsFailed_WhileOtherChannelsAreNotHeldUp()
    {
        await using var host = await EmailHost.StartAsync(
            new Dictionary<string, string?> { ["Hromada:Pipeline:MaxSendAttempts"] = "3", ["Hromada:Pipeline:SendRetryPeriod"] = "00:00:00" }, port: FakeSmtpServer.FreePort());

        var id = await host.EnqueueAsync(EmailRequest.Create("author@example.com", "Рішення", "Текст")!);
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the e-mail to be given up", TimeSpan.FromSeconds(30));

        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("Given up after 3 attempts", row.LastError, StringComparison.Ordinal);
        Assert.Contains("SMTP 127.0.0.1", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsAFailure_NotASilentDrop()
    {
        await using var host = await EmailHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Email:Password"] = "wrong",
            ["Hromada:Pipeline:MaxSendAttempts"] = "2",
            ["Hromada:Pipeline:SendRetryPeriod"] = "00:00:00",
        });

        var id = await host.EnqueueAsync(EmailRequest.Create("author@example.com", "Рішення", "Текст")!);
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the e-mail to be given up", TimeSpan.FromSeconds(30));

        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("sign-in as bot refused", row.LastError, StringComparison.Ordinal);
        Assert.Empty(host.Smtp.Received);
    }

    [Fact]
    public async Task WithoutAnSmtpHost_EmailIsOff_AndTheOutboxSaysSo()
    {
        await using var off = new HromadaAppFactory();
        off.CreateClient().Dispose();
        await using var on = await EmailHost.StartAsync();

        Assert.False(Sends(off.Services));
        Assert.True(Sends(on.Factory.Services));
    }

    [Fact]
    public void AnAddressThatIsNotOne_GivesNoRequest()
    {
        Assert.Null(EmailRequest.Create("not an address", "Тема", "Текст"));
        Assert.Null(EmailRequest.Create("someone@localhost", "Тема", "Текст"));
        Assert.Equal("a@b.ua", EmailRequest.Create(" a@b.ua ", "Тема", "Текст")!.Recipient);
    }

    [Theory]
    [InlineData("Hromada:Email:FromAddress", "", "Hromada:Email:FromAddress is required")]
    [InlineData("Hromada:Email:FromAddress", "not-an-address", "Hromada:Email:FromAddress: 'not-an-address'")]
    [InlineData("Hromada:Email:PerMinute", "0", "Hromada:Email:PerMinute")]
    [InlineData("Hromada:Email:Password", "", "Hromada:Email:UserName and Hromada:Email:Password go together")]
    public async Task BrokenEmailSettings_StopTheServiceWithAMessageNamingTheSetting(string key, string value, string expected)
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Email:Host"] = "smtp.zelenodil.test",
            ["Hromada:Email:FromAddress"] = "hromada@zelenodil.test",
            ["Hromada:Email:UserName"] = "bot",
            ["Hromada:Email:Password"] = "secret",
            [key] = value,
        });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(app.CreateClient()));

        var validation = Find(ex);
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }

    private static bool Sends(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IOutbox>().Sends(Channel.Email);
    }

    private static OptionsValidationException? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OptionsValidationException v)
            {
                return v;
            }
            if (ex is AggregateException agg)
            {
                return agg.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null);
            }
        }
        return null;
    }
}
