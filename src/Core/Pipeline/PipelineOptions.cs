using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Pipeline;

/// <summary>The message pipeline: inbox handling, outbox sending, retries and retention (section <c>Hromada:Pipeline</c>).</summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string Section = "Hromada:Pipeline";

    /// <summary>
    /// This instance's name in leases. Leave empty for the machine name; give each instance its own when several share
    /// one database (a restarted instance takes its own unfinished work back at once, others wait for the lease to end).
    /// </summary>
    [MaxLength(100)]
    public string InstanceId { get; set; } = "";

    /// <summary>
    /// Residents handled at the same time (each resident's messages always one after another). A turn spends most of its
    /// time waiting for the group commit, not computing, and the more turns wait together the more each commit carries:
    /// with 8 a 2-core server idled between commits in the load test (468 updates/s), with 32 it did not (667/s).
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentResidents { get; set; } = 32;

    /// <summary>Recipients sent to at the same time (each recipient's messages always one after another).</summary>
    [Range(1, 256)]
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>Attempts at handling one inbox item before it is set aside (a full disk or a read-only database does not count).</summary>
    [Range(1, 100)]
    public int MaxHandlingAttempts { get; set; } = 5;

    /// <summary>
    /// Attempts at sending one outbox message before it may be given up (a platform's retry_after does not count); it is
    /// given up only once <see cref="SendRetryPeriod"/> has also passed since it was written.
    /// </summary>
    [Range(1, 100)]
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>
    /// How long a reply or notice that keeps failing is retried (every <see cref="MaxRetryDelay"/> at most) before it is
    /// given up: a platform's outage of hours delivers everything afterwards. Telegram keeps undelivered updates for 24 hours.
    /// </summary>
    public TimeSpan SendRetryPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>First retry delay; each next one doubles, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim on a resident's messages or an outbox message lasts before another instance may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the database is checked for work this instance was not told about (other instances, restarts, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Raw payloads of handled messages are blanked after this long (the proposals themselves are kept).</summary>
    public TimeSpan PayloadRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Handled inbox items, sent outbox messages and dedup marks are deleted after this long.</summary>
    public TimeSpan RecordRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A web chat session with no proposal, no subscription and no message for this long is deleted.</summary>
    public TimeSpan IdleWebSessionRetention { get; set; } = TimeSpan.FromDays(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        static ValidationResult Bad(string name, string rule) => new($"{Section}:{name} {rule}", [name]);
        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromHours(1))
        {
            yield return Bad(nameof(RetryDelay), "must be more than 00:00:00 and at most 01:00:00.");
        }
        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromHours(1))
        {
            yield return Bad(nameof(MaxRetryDelay), "must be at least RetryDelay and at most 01:00:00 (an outage's end is noticed within it).");
        }
        if (SendRetryPeriod < TimeSpan.Zero || SendRetryPeriod > TimeSpan.FromDays(7))
        {
            yield return Bad(nameof(SendRetryPeriod), "must be between 00:00:00 and 7.00:00:00.");
        }
        if (LeaseDuration < TimeSpan.FromSeconds(10) || LeaseDuration > TimeSpan.FromHours(1))
        {
            yield return Bad(nameof(LeaseDuration), "must be between 00:00:10 and 01:00:00.");
        }
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(10))
        {
            yield return Bad(nameof(PollInterval), "must be between 00:00:00.1 and 00:10:00.");
        }
        if (PayloadRetention < TimeSpan.FromHours(1) || RecordRetention < PayloadRetention)
        {
            yield return Bad(nameof(PayloadRetention), "must be at least 01:00:00, and RecordRetention at least PayloadRetention.");
        }
        if (IdleWebSessionRetention < TimeSpan.FromHours(1))
        {
            yield return Bad(nameof(IdleWebSessionRetention), "must be at least 01:00:00.");
        }
    }

    public string ResolvedInstanceId => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId.Trim();

    /// <summary>
    /// How a failing inbox item is tried again: <see cref="RetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>, ±20 %,
    /// set aside after <see cref="MaxHandlingAttempts"/> (the caller does not count a full disk or a read-only database).
    /// </summary>
    public RetryPolicy HandlingRetry() => new(RetryDelay, MaxRetryDelay, MaxHandlingAttempts, jitter: 0.2);

    /// <summary>
    /// How a failing send is tried again: <see cref="RetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>, ±20 % (however
    /// long an outage lasted, its end is noticed within <see cref="MaxRetryDelay"/>); given up after
    /// <see cref="MaxSendAttempts"/> once <see cref="SendRetryPeriod"/> has also passed since the message was written. A
    /// platform's retry_after is waited as it is.
    /// </summary>
    public RetryPolicy SendRetry() => new(RetryDelay, MaxRetryDelay, MaxSendAttempts, jitter: 0.2, minPeriod: SendRetryPeriod);
}
