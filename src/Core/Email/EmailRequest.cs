using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;

namespace Hromada.Core.Email;

/// <summary>
/// An e-mail written into the outbox like any other message: the e-mail channel's sender (SMTP, <c>Hromada:Email</c>)
/// sends it with the outbox's retries and its per-minute limit. Check <see cref="IOutbox.Sends"/> with
/// <see cref="Channel.Email"/> first: with no SMTP server configured nothing would send it.
/// </summary>
public static class EmailRequest
{
    /// <summary>
    /// An outbox request for one e-mail to <paramref name="address"/> (checked with <see cref="ContactParser.NormaliseEmail"/>,
    /// as everywhere an address is entered); null when the address is not one.
    /// <paramref name="body"/> is plain text: the sender adds the HTML alternative (paragraphs, links) itself.
    /// </summary>
    public static OutboxRequest? Create(string? address, string subject, string body, OutboxPurpose purpose = OutboxPurpose.Notice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(body);
        if (ContactParser.NormaliseEmail(address) is not { } to)
        {
            return null;
        }
        return new OutboxRequest(Channel.Email, to, purpose, [new OutboundMessage(body) { Subject = subject }]);
    }
}
