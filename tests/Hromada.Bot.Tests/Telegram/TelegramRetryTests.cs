using Hromada.Bot.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>Issue 18: which Bot API failures of set-up and polling are tried again, and after how long.</summary>
public sealed class TelegramRetryTests
{
    [Fact]
    public void A429_IsWaitedOutForTheRetryAfterTelegramGives_AtMostFiveMinutes()
    {
        var wait = TelegramRetry.Transient(new ApiRequestException("Too Many Requests: retry after 10", 429, new ResponseParameters { RetryAfter = 10 }));
        var long429 = TelegramRetry.Transient(new ApiRequestException("Too Many Requests: retry after 3600", 429, new ResponseParameters { RetryAfter = 3600 }));

        Assert.Equal(TimeSpan.FromSeconds(10), wait);
        Assert.Equal(TimeSpan.FromSeconds(10), TelegramRetry.Polling.DelayAfter(1, wait!.Value));
        Assert.Equal(TimeSpan.FromMinutes(5), long429);
        Assert.Equal(TimeSpan.Zero, TelegramRetry.Transient(new ApiRequestException("Too Many Requests", 429)));
    }

    [Fact]
    public void ServerAndNetworkFailures_AreTriedAgainWithBackoff_ButARefusalIsFinal()
    {
        Assert.Equal(TimeSpan.Zero, TelegramRetry.Transient(new ApiRequestException("Bad Gateway", 502)));
        Assert.Equal(TimeSpan.Zero, TelegramRetry.Transient(new HttpRequestException("Connection refused")));
        Assert.Equal(TimeSpan.Zero, TelegramRetry.Transient(new RequestException("Request timed out")));
        Assert.Null(TelegramRetry.Transient(new ApiRequestException("Bad Request: bad webhook: Failed to resolve host", 400)));
        Assert.Null(TelegramRetry.Transient(new ApiRequestException("Unauthorized", 401)));
        Assert.Null(TelegramRetry.Transient(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void PollingAfterFailures_WaitsLongerEachTime_AtMostHalfAMinute()
    {
        var waits = Enumerable.Range(1, 8).Select(n => TelegramRetry.Polling.DelayAfter(n)).ToList();

        Assert.InRange(waits[0], TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromSeconds(30)));
        Assert.InRange(waits[^1], TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(30));
    }
}
