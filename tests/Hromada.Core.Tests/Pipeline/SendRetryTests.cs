using Hromada.Core.Pipeline;

namespace Hromada.Core.Tests.Pipeline;

/// <summary>Issue 25 item 6: a failing reply is retried for a day, never more than MaxRetryDelay apart.</summary>
public sealed class SendRetryTests
{
    [Fact]
    public void Backoff_NeverExceedsMaxRetryDelay_JitterIncluded_SoTheEndOfAnOutageIsNoticedWithinIt()
    {
        var options = new PipelineOptions();

        var retry = options.SendRetry();

        var longest = Enumerable.Range(1, 200).SelectMany(attempt => Enumerable.Range(0, 20).Select(_ => retry.DelayAfter(attempt))).Max();

        Assert.True(longest <= options.MaxRetryDelay, $"a wait of {longest} between two attempts, more than MaxRetryDelay {options.MaxRetryDelay}");
        Assert.True(longest >= options.MaxRetryDelay * 0.8, "the waits grow to MaxRetryDelay");
        Assert.InRange(retry.DelayAfter(1), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
    }

    [Fact]
    public void GivesUp_OnlyWhenTheAttemptsAreUsedUp_AndTheRetryPeriodHasPassed()
    {
        var options = new PipelineOptions { MaxSendAttempts = 8 };
        var retry = options.SendRetry();

        Assert.False(retry.GivesUp(8, TimeSpan.FromMinutes(10)), "eight failures in ten minutes of outage");
        Assert.False(retry.GivesUp(150, TimeSpan.FromHours(23)), "a day is not over yet");
        Assert.False(retry.GivesUp(7, TimeSpan.FromDays(2)), "attempts left");
        Assert.True(retry.GivesUp(8, TimeSpan.FromDays(1)));
        Assert.Equal(TimeSpan.FromDays(1), options.SendRetryPeriod);
    }

    [Fact]
    public void ADayOfRetries_IsAFewHundredAttempts_NoHotLoop()
    {
        var options = new PipelineOptions();
        var retry = options.SendRetry();
        var elapsed = TimeSpan.Zero;
        var attempts = 0;
        while (elapsed < options.SendRetryPeriod)
        {
            attempts++;
            elapsed += retry.DelayAfter(attempts);
        }

        Assert.InRange(attempts, 140, 200);
    }

    [Theory]
    [InlineData("SendRetryPeriod", "-00:00:01")]
    [InlineData("SendRetryPeriod", "8.00:00:00")]
    [InlineData("MaxRetryDelay", "02:00:00")]
    public void AnOutOfRangeRetrySetting_IsRefused_NamingIt(string name, string value)
    {
        var options = new PipelineOptions();
        typeof(PipelineOptions).GetProperty(name)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains(name, StringComparison.Ordinal));
    }
}
