using System.Globalization;
using Hromada.Core.Resources;
using Hromada.Core.Residents;

namespace Hromada.Core.Conversation;

/// <summary>One inbound message being handled: the resident, their draft, their language and the replies so far.</summary>
internal sealed class ConversationContext(Resident resident, InboundMessage message)
{
    public Resident Resident { get; } = resident;
    public InboundMessage Message { get; set; } = message;
    public ConversationDraft Draft { get; set; } = ConversationDraft.Load(resident.ConversationData);
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(resident.Language);
    public List<OutboundMessage> Replies { get; } = [];

    /// <summary>What the commit is to do besides storing the state and the replies (submit, erase …).</summary>
    public List<TurnEffect> Effects { get; } = [];

    /// <summary>The step waiting for the resident's next message ("" between submissions).</summary>
    public string Step
    {
        get => Resident.ConversationStep;
        set => Resident.ConversationStep = value;
    }

    public string T(string key, params object?[] args) => args.Length == 0 ? Texts.Get(key, Culture) : Texts.Format(key, Culture, args);

    /// <summary>A number with its noun in the right form and case, e.g. "21 пропозицію".</summary>
    public string Count(long n, string noun, GrammaticalCase grammaticalCase = GrammaticalCase.Nominative) =>
        Plural.Count(n, noun, grammaticalCase, Culture);

    public void Say(string text, IReadOnlyList<Choice>? choices = null, bool requestContact = false) =>
        Replies.Add(new OutboundMessage(text) { Choices = choices ?? [], RequestContact = requestContact });

    /// <summary>Says <paramref name="text"/> with a button that opens <paramref name="link"/>.</summary>
    public void SayLink(string text, LinkButton link) => Replies.Add(new OutboundMessage(text) { Link = link });

    /// <summary>The question just asked again with new choices (see <see cref="OutboundMessage.Updates"/>).</summary>
    public void SayUpdated(string text, IReadOnlyList<Choice> choices) =>
        Replies.Add(new OutboundMessage(text) { Choices = choices, Updates = true });

    public Choice C(string labelKey, string value) => new(T(labelKey), value);

    public void ResetDraft()
    {
        Draft = new ConversationDraft();
    }
}
