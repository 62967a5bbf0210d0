using Hromada.Core.Residents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>
/// One turn of the questionnaire as a decision: from the resident's stored state, the message and the moment it makes
/// the new state, the replies and the effects (submit, erase, hand over held messages). It stores nothing and opens no
/// transaction; the inbox handler's group commit (<see cref="Inbox.TurnCommitter"/>) writes what it decided.
/// </summary>
internal sealed class ConversationEngine(
    ConversationFlow flow,
    ConversationCommands commands,
    Steps.Questionnaire questionnaire,
    IOptions<ConversationOptions> options,
    IOptions<Community.CommunityOptions> community,
    ILogger<ConversationEngine> logger) : IConversationEngine
{
    public async Task<TurnDecision> DecideAsync(TurnInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var message = input.Message;
        var now = input.Now;
        var isNew = input.Resident is null;
        var resident = input.Resident?.Copy() ?? NewResident(message, now);
        resident.LastInboundAt = now;
        var effects = new List<TurnEffect>();

        List<OutboundMessage> replies;
        if (IsOverRateLimit(resident, now, out var sendNotice))
        {
            var ignored = new ConversationContext(resident, message);
            if (sendNotice)
            {
                ignored.Say(ignored.T("Error_TooManyMessages"));
                logger.LogWarning("{Channel} resident {ResidentId} sends too many messages; ignoring for the rest of the minute", message.Channel, resident.Id);
            }
            replies = ignored.Replies;
        }
        else
        {
            replies = [];
            if (input.Held.Count > 0 && resident.Channel != Proposals.Channel.WebChat)
            {
                // Held messages (outside a messaging window, or while blocked) go out with this reply. The web chat
                // fetches what its session is owed by itself.
                replies.AddRange(input.Held.SelectMany(h => h.Messages));
                effects.Add(new TurnEffect.HandOver([.. input.Held.Select(h => h.OutboxId)]));
            }
            var ctx = new ConversationContext(resident, message);
            if (isNew && message.ChoiceValue is not null)
            {
                // A button from a greeting that was shown without storing anything (a new web chat session): the
                // resident is where that greeting left them, and the button is their answer.
                var greeting = new ConversationContext(resident, message);
                await commands.GreetAsync(greeting, ct);
                ctx.Draft = greeting.Draft;
                await flow.DispatchAsync(ctx, isNew: false, ct);
            }
            else
            {
                await flow.DispatchAsync(ctx, isNew, ct);
            }
            resident.ConversationData = ctx.Draft.Save();
            replies.AddRange(ctx.Replies);
            effects.AddRange(ctx.Effects);
        }
        var decision = new TurnDecision(resident, replies, effects) { IsNewResident = isNew };
        return decision.Erases ? decision with { Resident = null } : decision;
    }

    public async Task<ConversationReply> ResumeAsync(Resident? resident, Proposals.Channel channel, string channelUserId, CancellationToken ct = default)
    {
        if (resident is null)
        {
            // Nothing is stored until the resident answers: the greeting is shown from a resident that is never saved.
            var stranger = new Resident { Channel = channel, ChannelUserId = channelUserId, Language = community.Value.DefaultCulture, ConversationStep = "" };
            var greeting = new ConversationContext(stranger, new InboundMessage(channel, channelUserId, ""));
            await commands.GreetAsync(greeting, ct);
            return new ConversationReply(greeting.Replies);
        }
        var ctx = new ConversationContext(resident.Copy(), new InboundMessage(channel, channelUserId, ""));
        await questionnaire.AskAsync(ctx, ct);
        return new ConversationReply(ctx.Replies);
    }

    private Resident NewResident(InboundMessage message, DateTimeOffset now) => new()
    {
        Channel = message.Channel,
        ChannelUserId = message.ChannelUserId,
        Language = LanguageOf(message.LanguageCode),
        CreatedAt = now,
        ConversationStep = "",
    };

    private string LanguageOf(string? code) =>
        code is { } c && c.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : community.Value.DefaultCulture;

    private bool IsOverRateLimit(Resident resident, DateTimeOffset now, out bool sendNotice)
    {
        sendNotice = false;
        if (resident.RateWindowStart is not { } start || now - start >= TimeSpan.FromMinutes(1) || now < start)
        {
            resident.RateWindowStart = now;
            resident.RateWindowCount = 0;
            resident.RateNoticeSent = false;
        }
        resident.RateWindowCount++;
        if (resident.RateWindowCount <= options.Value.MaxMessagesPerMinute)
        {
            return false;
        }
        sendNotice = !resident.RateNoticeSent;
        resident.RateNoticeSent = true;
        return true;
    }
}
