using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Resources;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Renders outbox messages for Telegram (HTML with everything escaped, at most 4,096 characters a message, choices as
/// an inline keyboard, the contact request as a reply keyboard, a picture with the text as its caption of at most 1,024
/// characters and the rest as messages after it), answers the pressed button's callback and removes
/// its keyboard (or, for a ticked social group, puts the new ticks on it), and says how the send went. Retries and waits are the dispatcher's.
/// </summary>
internal sealed class TelegramChannelSender(
    ITelegramBotClient bot, IOptions<TelegramOptions> options, IOptions<CommunityOptions> community, ILogger<TelegramChannelSender> logger) : IChannelSender
{
    public const int MaxLength = 4096;

    /// <summary>Telegram's limit for a picture's caption.</summary>
    public const int MaxCaptionLength = 1024;
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public Channel Channel => Channel.Telegram;

    public PushLimits PushLimits { get; } = new(options.Value.PushesPerSecond, options.Value.PushIntervalPerChat);

    public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ChatId chat;
        if (long.TryParse(delivery.Recipient, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            chat = chatId;
        }
        else if (delivery.IsPublicPost && delivery.Recipient.StartsWith('@'))
        {
            chat = delivery.Recipient;
        }
        else
        {
            return new SendResult(SendStatus.Refused, $"'{delivery.Recipient}' is not a Telegram chat");
        }

        // A ticked social group: the tapped question's own buttons change instead of a new message repeating it.
        var tapped = TelegramAdapter.ReplyContext.Read(delivery.ReplyContext).MessageId;
        var edits = tapped is not null && delivery.Messages.Count == 1 && EditsKeyboard(delivery.Messages[0]);
        if (delivery.PartsSent == 0)
        {
            await AcknowledgeAsync(chat, delivery.ReplyContext, removeKeyboard: !edits, ct);
        }
        var contactLabel = delivery.Messages.Any(m => m.RequestContact) ? Texts.Get("Telegram_ShareContact", community.Value.CultureOf(delivery.Language)) : "";
        var sent = delivery.PartsSent;
        if (edits && sent == 0 && await EditKeyboardAsync(chat, tapped!.Value, delivery.Messages[0], ct))
        {
            return SendResult.Sent(1);
        }
        for (var i = delivery.PartsSent; i < delivery.Messages.Count; i++)
        {
            var message = delivery.Messages[i];
            var text = message.Text;
            if (message.ImageUrl is { } imageUrl)
            {
                var (caption, rest) = SplitCaption(text);
                var photo = await SendPhotoAsync(chat, imageUrl, caption, rest.Length == 0 ? Markup(message, contactLabel) : null, delivery, sent, ct);
                if (photo.Failure is { } failure)
                {
                    return failure;
                }
                text = photo.Sent ? rest : text;
            }
            var chunks = Split(text);
            for (var j = 0; j < chunks.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(chunks[j]))
                {
                    continue;
                }
                var markup = j == chunks.Count - 1 ? Markup(message, contactLabel) : null;
                try
                {
                    if (TelegramLeanRequests.Carries(markup))
                    {
                        await bot.SendRequest(new TelegramLeanRequests.SendText(chat, chunks[j], (InlineKeyboardMarkup?)markup), ct);
                    }
                    else
                    {
                        await bot.SendMessage(chat, chunks[j], ParseMode.Html, replyMarkup: markup, linkPreviewOptions: NoPreview, cancellationToken: ct);
                    }
                }
                catch (ApiRequestException e)
                {
                    return Failure(e, delivery.IsPublicPost, sent);
                }
                catch (RequestException e) when (!ct.IsCancellationRequested)
                {
                    return new SendResult(SendStatus.Failed, e.Message, PartsSent: sent);
                }
            }
            sent++;
        }
        return SendResult.Sent(sent);
    }

    /// <summary>
    /// Sends the picture with the caption. Telegram fetches it from its address; when it cannot (a 400: the address is
    /// not reachable from outside, not a picture), the text goes without it rather than not at all.
    /// </summary>
    private async Task<(bool Sent, SendResult? Failure)> SendPhotoAsync(
        ChatId chat, string imageUrl, string caption, ReplyMarkup? markup, OutboxDelivery delivery, int sent, CancellationToken ct)
    {
        try
        {
            await bot.SendPhoto(chat, InputFile.FromUri(imageUrl), Escape(caption), ParseMode.Html, replyMarkup: markup, cancellationToken: ct);
            return (true, null);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogWarning("Telegram did not take the picture {ImageUrl} for {Chat} ({Error}); the text goes without it", imageUrl, delivery.Recipient, e.Message);
            return (false, null);
        }
        catch (ApiRequestException e)
        {
            return (false, Failure(e, delivery.IsPublicPost, sent));
        }
        catch (RequestException e) when (!ct.IsCancellationRequested)
        {
            return (false, new SendResult(SendStatus.Failed, e.Message, PartsSent: sent));
        }
    }

    /// <summary>
    /// Cuts a picture's caption to Telegram's 1,024 characters (counted as shown, before escaping) at a paragraph, line or
    /// word boundary; the rest follows as text messages.
    /// </summary>
    public static (string Caption, string Remainder) SplitCaption(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxCaptionLength)
        {
            return (text, "");
        }
        var window = text[..MaxCaptionLength];
        var at = new[] { window.LastIndexOf("\n\n", StringComparison.Ordinal), window.LastIndexOf('\n'), window.LastIndexOf(' ') }
            .FirstOrDefault(i => i > MaxCaptionLength / 2, MaxCaptionLength);
        if (char.IsHighSurrogate(text[at - 1]))
        {
            at--;
        }
        return (text[..at].TrimEnd(), text[at..].TrimStart());
    }

    private static bool EditsKeyboard(OutboundMessage message) =>
        message is { Updates: true, RequestContact: false, ImageUrl: null, Link: null } && message.Choices.Count > 0;

    /// <summary>
    /// Puts <paramref name="message"/>'s choices (the ticks) on the tapped question in place of its old buttons. False
    /// when Telegram refuses (the message is too old to edit, or gone): the message is then sent as a new one, with the
    /// old buttons left as they were.
    /// </summary>
    private async Task<bool> EditKeyboardAsync(ChatId chat, int messageId, OutboundMessage message, CancellationToken ct)
    {
        try
        {
            await bot.SendRequest(new TelegramLeanRequests.EditKeyboard(chat, messageId, (InlineKeyboardMarkup?)Markup(message, "")), ct);
            return true;
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // The same buttons already (a second tap on the same group arriving twice): what the resident sees is right.
            return true;
        }
        catch (RequestException e) when (!ct.IsCancellationRequested)
        {
            logger.LogDebug("Telegram keyboard of {MessageId} not updated, the question goes as a new message: {Error}", messageId, e.Message);
            return false;
        }
    }

    /// <summary>Stops the spinner on the pressed button and removes the answered question's buttons; best effort.</summary>
    private async Task AcknowledgeAsync(ChatId chat, string? context, bool removeKeyboard, CancellationToken ct)
    {
        var (callbackId, keyboardMessageId) = TelegramAdapter.ReplyContext.Read(context);
        if (callbackId is not null)
        {
            try
            {
                await bot.AnswerCallbackQuery(callbackId, cancellationToken: ct);
            }
            catch (RequestException e) when (!ct.IsCancellationRequested)
            {
                // Too old to answer (Telegram keeps callbacks a short while) or a passing fault: the reply still goes.
                logger.LogDebug("Telegram callback {Id} not answered: {Error}", callbackId, e.Message);
            }
        }
        if (removeKeyboard && keyboardMessageId is { } messageId)
        {
            try
            {
                await bot.SendRequest(new TelegramLeanRequests.EditKeyboard(chat, messageId, markup: null), ct);
            }
            catch (RequestException e) when (!ct.IsCancellationRequested)
            {
                // "message is not modified" (already removed) or too old to edit: nothing to do.
                logger.LogDebug("Telegram keyboard of {MessageId} not removed: {Error}", messageId, e.Message);
            }
        }
    }

    private static SendResult Failure(ApiRequestException e, bool isPublicPost, int sent)
    {
        var error = $"Telegram {e.ErrorCode}: {e.Message}";
        return e.ErrorCode switch
        {
            429 => new SendResult(SendStatus.Throttled, error, TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 5, 1, 3600)), sent) { PausesChannel = true },
            403 => new SendResult(isPublicPost ? SendStatus.Refused : SendStatus.Blocked, error, PartsSent: sent),
            400 when !isPublicPost && IsGone(e.Message) => new SendResult(SendStatus.Blocked, error, PartsSent: sent),
            >= 500 or 401 => new SendResult(SendStatus.Failed, error, PartsSent: sent),
            _ => new SendResult(SendStatus.Refused, error, PartsSent: sent),
        };
    }

    private static bool IsGone(string message) =>
        message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase)
        || message.Contains("PEER_ID_INVALID", StringComparison.OrdinalIgnoreCase);

    private static ReplyMarkup? Markup(OutboundMessage message, string contactButton)
    {
        if (message.RequestContact)
        {
            var rows = new List<KeyboardButton[]> { new[] { KeyboardButton.WithRequestContact(contactButton) } };
            rows.AddRange(message.Choices.Select(c => new[] { new KeyboardButton(c.Label) }));
            return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }
        if (message.Choices.Count == 0)
        {
            return message.Link is { } link ? new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(link.Label, link.Url)) : null;
        }
        // Short labels two to a row, long ones alone, so Ukrainian labels are not cut off on a phone.
        var keyboard = new List<InlineKeyboardButton[]>();
        var pending = new List<InlineKeyboardButton>();
        foreach (var choice in message.Choices)
        {
            var button = InlineKeyboardButton.WithCallbackData(choice.Label, choice.Value);
            if (choice.Label.Length > 18)
            {
                if (pending.Count > 0)
                {
                    keyboard.Add([.. pending]);
                    pending.Clear();
                }
                keyboard.Add([button]);
                continue;
            }
            pending.Add(button);
            if (pending.Count == 2)
            {
                keyboard.Add([.. pending]);
                pending.Clear();
            }
        }
        if (pending.Count > 0)
        {
            keyboard.Add([.. pending]);
        }
        return new InlineKeyboardMarkup(keyboard);
    }

    /// <summary>Escapes the text for HTML and cuts it into messages of at most 4,096 characters, at paragraph, then line, then word boundaries.</summary>
    public static List<string> Split(string text)
    {
        var result = new List<string>();
        var rest = text;
        while (Escape(rest).Length > MaxLength)
        {
            var cut = FitLength(rest);
            var window = rest[..cut];
            var at = new[] { window.LastIndexOf("\n\n", StringComparison.Ordinal), window.LastIndexOf('\n'), window.LastIndexOf(' ') }
                .FirstOrDefault(i => i > cut / 2, cut);
            result.Add(Escape(rest[..at].TrimEnd()));
            rest = rest[at..].TrimStart();
        }
        result.Add(Escape(rest));
        return result;
    }

    /// <summary>What Telegram's HTML mode asks: &amp;, &lt; and &gt; escaped, nothing else.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The longest prefix whose escaped form fits one message.</summary>
    private static int FitLength(string text)
    {
        int lo = 1, hi = Math.Min(text.Length, MaxLength);
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Escape(text[..mid]).Length <= MaxLength)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
