namespace Hromada.Core.Outbox;

/// <summary>
/// Writes outgoing messages into the caller's unit of work. Nothing is sent until the caller's <c>SaveChanges</c>
/// commits, so a message and the change that produced it are stored together or not at all.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds the message to the scoped <c>HromadaDbContext</c> (not saved).</summary>
    OutboxMessage Enqueue(OutboxRequest request);

    /// <summary>
    /// True when a sender for <paramref name="channel"/> is configured in this service (e-mail is off without an SMTP
    /// host): a message for a channel nobody sends would wait for ever.
    /// </summary>
    bool Sends(Proposals.Channel channel);

    /// <summary>Wakes the senders after the caller has committed; harmless when nothing is due.</summary>
    void Signal();
}
