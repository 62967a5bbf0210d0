using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Polly;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Renders the engine's messages for Telegram (HTML with everything escaped, at most 4,096 characters a message,
/// choices as an inline keyboard, the contact request as a reply keyboard) and sends them through the retry layer.
/// </summary>
internal sealed class TelegramSender(ITelegramBotClient bot, TelegramPipeline pipeline, IServiceScopeFactory scopes, ILogger<TelegramSender> logger)
{
    public const int MaxLength = 4096;

    /// <summary>Sends the messages in order; false when the resident has blocked the bot (they are marked).</summary>
    public async Task<bool> SendAsync(long chatId, IReadOnlyList<OutboundMessage> messages, string contactButton, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            var parts = Split(message.Text);
            for (var i = 0; i < parts.Count; i++)
            {
                var markup = i == parts.Count - 1 ? Markup(message, contactButton) : null;
                try
                {
                    await pipeline.Value.ExecuteAsync(async token =>
                        await bot.SendMessage(chatId, parts[i], ParseMode.Html, replyMarkup: markup, linkPreviewOptions: new global::Telegram.Bot.Types.LinkPreviewOptions { IsDisabled = true }, cancellationToken: token), ct);
                }
                catch (ApiRequestException e) when (e.ErrorCode == 403)
                {
                    await MarkBlockedAsync(chatId, blocked: true, ct);
                    return false;
                }
            }
        }
        return true;
    }

    public async Task AnswerCallbackAsync(string callbackId, CancellationToken ct)
    {
        try
        {
            await pipeline.Value.ExecuteAsync(async token => await bot.AnswerCallbackQuery(callbackId, cancellationToken: token), ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Too old to answer (Telegram keeps callbacks for a short while); the reply still follows.
            logger.LogInformation("Telegram callback {Id} could not be answered: {Error}", callbackId, e.Message);
        }
    }

    /// <summary>Removes the buttons of an answered question, so an old button cannot be pressed twice.</summary>
    public async Task RemoveKeyboardAsync(long chatId, int messageId, CancellationToken ct)
    {
        try
        {
            await pipeline.Value.ExecuteAsync(async token => await bot.EditMessageReplyMarkup(chatId, messageId, replyMarkup: null, cancellationToken: token), ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // "message is not modified" (already removed) or too old to edit: nothing to do.
            logger.LogDebug("Telegram keyboard of {MessageId} not removed: {Error}", messageId, e.Message);
        }
    }

    public async Task MarkBlockedAsync(long chatId, bool blocked, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var id = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var residents = db.Residents.Where(r => r.Channel == Channel.Telegram && r.ChannelUserId == id);
        var changed = blocked
            ? await residents.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsBlocked, true).SetProperty(r => r.IsSubscribed, false), ct)
            : await residents.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsBlocked, false), ct);
        logger.LogInformation("Telegram chat {ChatId} {State} the bot ({Count} resident)", chatId, blocked ? "blocked" : "unblocked", changed);
    }

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
            return null;
        }
        // Short labels two to a row, long ones alone, so Ukrainian labels are not cut off on a phone.
        var keyboard = new List<InlineKeyboardButton[]>();
        var pending = new List<InlineKeyboardButton>();
        foreach (var choice in message.Choices)
        {
            var button = InlineKeyboardButton.WithCallbackData(choice.Label, choice.Value);
            if (choice.Label.Length > 18)
            {
                if (pending.Count > 0) { keyboard.Add([.. pending]); pending.Clear(); }
                keyboard.Add([button]);
                continue;
            }
            pending.Add(button);
            if (pending.Count == 2) { keyboard.Add([.. pending]); pending.Clear(); }
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
            if (Escape(text[..mid]).Length <= MaxLength) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}

/// <summary>The shared retry pipeline for Bot API calls.</summary>
internal sealed class TelegramPipeline(ILogger<TelegramPipeline> logger)
{
    public ResiliencePipeline Value { get; } = TelegramResilience.Create(logger);
}
