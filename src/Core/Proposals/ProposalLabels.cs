using Hromada.Core.Resources;
using Hromada.Core.Text;

namespace Hromada.Core.Proposals;

/// <summary>How the protocol groups channels: social networks, the web form, and everything else.</summary>
public enum ChannelGroup
{
    SocialNetworks,
    WebForm,
    Other,
}

/// <summary>
/// The Ukrainian words a secretary reads for channels, statuses, outcomes and positions — one place, used by the
/// exports and the reports alike.
/// </summary>
public static class ProposalLabels
{
    public static string Channel(Channel channel) => channel switch
    {
        Proposals.Channel.Telegram => "Telegram",
        Proposals.Channel.Messenger => "Facebook Messenger",
        Proposals.Channel.WebChat => "Вебчат на сайті",
        Proposals.Channel.Paper => "Письмово (на папері)",
        Proposals.Channel.Email => "Електронна пошта",
        Proposals.Channel.GoogleForm => "Google-форма",
        Proposals.Channel.Reception => "Особистий прийом",
        Proposals.Channel.Cnap => "ЦНАП",
        Proposals.Channel.Viber => "Viber",
        Proposals.Channel.Instagram => "Instagram",
        _ => channel.ToString(),
    };

    /// <summary>The channels a proposal can come in by (Instagram only carries announcements out), in the reports' order.</summary>
    public static IReadOnlyList<Channel> IntakeChannels { get; } =
        Enum.GetValues<Channel>().Where(c => c != Proposals.Channel.Instagram).ToArray();

    /// <summary>The protocol's grouping: Telegram, Messenger and Viber are social networks; the web chat and the Google Form are the web form.</summary>
    public static ChannelGroup Group(Channel channel) => channel switch
    {
        Proposals.Channel.Telegram or Proposals.Channel.Messenger or Proposals.Channel.Viber => ChannelGroup.SocialNetworks,
        Proposals.Channel.WebChat or Proposals.Channel.GoogleForm => ChannelGroup.WebForm,
        _ => ChannelGroup.Other,
    };

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Received => "Надійшла",
        ProposalStatus.Routed => "На розгляді",
        ProposalStatus.Decided => "Рішення ухвалено",
        _ => status.ToString(),
    };

    /// <summary>
    /// The working group's wording of what it decides («Врахувати»): the decision form and the meeting's protocol. From
    /// Texts.resx (<c>Outcome_*</c>), the words residents read in the decision notice.
    /// </summary>
    public static string Outcome(DecisionOutcome outcome) => FromTexts("Outcome_", outcome);

    /// <summary>
    /// The outcome as a fact (a status badge, the history, exports, reports): «Враховано». From Texts.resx
    /// (<c>Decided_*</c>), the words the public results page shows.
    /// </summary>
    public static string Decided(DecisionOutcome outcome) => FromTexts("Decided_", outcome);

    private static string FromTexts(string prefix, DecisionOutcome outcome)
    {
        if (!Enum.IsDefined(outcome))
        {
            return outcome.ToString();
        }
        var text = Texts.Get(prefix + outcome, Ukrainian.Culture);
        return string.Concat(text[..1].ToUpper(Ukrainian.Culture), text[1..]);
    }

    public static string Stance(ReviewStance stance) => stance switch
    {
        ReviewStance.Support => "підтримати",
        ReviewStance.Partial => "підтримати частково",
        ReviewStance.Reject => "відхилити",
        _ => stance.ToString(),
    };

    public static string YesNo(bool value) => value ? "так" : "ні";
}
