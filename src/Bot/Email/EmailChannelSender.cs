using System.Net.Sockets;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Email;

/// <summary>
/// Sends outbox messages of the e-mail channel through the configured SMTP server with MailKit, one SMTP conversation
/// per message, and says how it went: a refused recipient or message (5xx) is not retried; a server that is down, a
/// temporary refusal (4xx), a failed sign-in or a timeout is a failure the dispatcher retries and then gives up.
/// Pushes are paced by <see cref="EmailOptions.PerMinute"/>.
/// </summary>
internal sealed class EmailChannelSender(
    IOptions<EmailOptions> options, IOptions<CommunityOptions> community, TimeProvider time, ILogger<EmailChannelSender> logger) : IChannelSender
{
    private readonly EmailOptions _options = options.Value;

    public Channel Channel => Channel.Email;

    public PushLimits PushLimits { get; } = new(options.Value.PerMinute / 60.0, TimeSpan.Zero);

    public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!MailboxAddress.TryParse(delivery.Recipient, out var to) || to.Address.Length == 0)
        {
            return new SendResult(SendStatus.Refused, $"'{delivery.Recipient}' is not an e-mail address");
        }
        if (delivery.PartsSent >= delivery.Messages.Count)
        {
            return SendResult.Sent(delivery.Messages.Count);
        }

        var fromName = string.IsNullOrWhiteSpace(_options.FromName) ? community.Value.Name : _options.FromName;
        var fromAddress = _options.FromAddress.Trim();
        var from = new MailboxAddress(fromName, fromAddress);
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        var message = EmailComposer.Compose(from, to, delivery.Messages, fromName, $"outbox-{delivery.Id}@{domain}", time.GetUtcNow());

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host.Trim(), _options.Port, _options.TlsMode, ct);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password, ct);
            }
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e)
        {
            return Failure(e);
        }
        catch (AuthenticationException e)
        {
            return new SendResult(SendStatus.Failed, $"SMTP sign-in as {_options.UserName} refused: {e.Message}");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is IOException or SocketException or SmtpProtocolException
            or SslHandshakeException or TimeoutException or ServiceNotConnectedException or OperationCanceledException)
        {
            return new SendResult(SendStatus.Failed, $"SMTP {_options.Host}:{_options.Port}: {e.GetType().Name}: {e.Message}");
        }

        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // The server took the message; a QUIT that goes wrong does not make it unsent.
            logger.LogDebug("SMTP QUIT after outbox message {Id} failed: {Error}", delivery.Id, e.Message);
        }
        return SendResult.Sent(delivery.Messages.Count);
    }

    private static SendResult Failure(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var what = e.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"recipient {e.Mailbox?.Address} not accepted",
            SmtpErrorCode.SenderNotAccepted => $"sender {e.Mailbox?.Address} not accepted",
            _ => "message not accepted",
        };
        var error = $"SMTP {code}: {what}: {e.Message.Trim()}";
        // 4xx is "try again later"; 5xx is final for this message.
        return code is >= 400 and < 500 ? new SendResult(SendStatus.Failed, error) : new SendResult(SendStatus.Refused, error);
    }
}
