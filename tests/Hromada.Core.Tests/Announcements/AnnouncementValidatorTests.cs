using Hromada.Core.Announcements;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Core.Tests.Announcements.AnnouncementTestData;

namespace Hromada.Core.Tests.Announcements;

public sealed class AnnouncementValidatorTests
{
    private static async Task<AnnouncementValidator.Outcome> ValidateAsync(string text, params string[] targets)
    {
        await using var host = await CoreTestHost.StartAsync(AllChannels());
        await using var scope = host.Scope();
        return scope.ServiceProvider.GetRequiredService<AnnouncementValidator>().Validate(
            new AnnouncementInput(null, text, targets, host.Time.GetUtcNow().AddDays(1), null), AnnouncementKind.Manual);
    }

    [Theory]
    [InlineData("TelegramChannel", 4096)]
    [InlineData("TelegramSubscribers", 4096)]
    [InlineData("MessengerSubscribers", 2000)]
    [InlineData("FacebookPage", 63206)]
    public async Task Text_AtATargetsLimit_IsAccepted_AndOneMoreCharacterIsNot(string target, int limit)
    {
        var atLimit = await ValidateAsync(new string('ї', limit), target);
        var over = await ValidateAsync(new string('ї', limit + 1), target);

        Assert.True(atLimit.IsValid);
        Assert.Equal($"The text is {limit + 1} characters; {target} allows at most {limit}.", Assert.Single(over.Errors["text"]));
    }

    [Fact]
    public async Task Text_OverSeveralLimits_NamesEachTarget()
    {
        var outcome = await ValidateAsync(new string('є', 5000), "MessengerSubscribers", "TelegramChannel", "FacebookPage");

        Assert.Equal(2, outcome.Errors["text"].Length);
        Assert.Contains(outcome.Errors["text"], e => e.Contains("MessengerSubscribers allows at most 2000", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors["text"], e => e.Contains("TelegramChannel allows at most 4096", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Targets_AreReadIgnoringCase_AndRepeatsCountOnce()
    {
        var outcome = await ValidateAsync("Текст", "feed", "FEED", "telegramSubscribers");

        Assert.True(outcome.IsValid);
        Assert.Equal([AnnouncementTarget.Feed, AnnouncementTarget.TelegramSubscribers], outcome.Targets);
    }

    [Fact]
    public async Task Text_WithControlAndBidiCharacters_IsCleaned()
    {
        var outcome = await ValidateAsync("  Увага\u0007: зміна \u202Eрозкладу\r\n  ", "Feed");

        Assert.Equal("Увага: зміна розкладу", outcome.Text);
    }
}
