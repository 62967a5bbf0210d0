using System.Text.RegularExpressions;
using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Conversation;

/// <summary>
/// The engine's turns as decisions, with no database anywhere: the state goes in, the new state, the replies and the
/// effects come out, and the next turn starts from what the last one returned.
/// </summary>
public sealed partial class EngineDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WholeQuestionnaire_DecidedWithoutADatabase_EndsInOneSubmitEffect_AndAReplyAwaitingItsReference()
    {
        var reads = new FakeReads();
        await using var services = Build(reads);
        Resident? state = null;
        var message = Inbound("/start");
        TurnDecision? submitted = null;
        for (var turn = 0; turn < 40 && submitted is null; turn++)
        {
            var decision = await DecideAsync(services, state, message);
            state = decision.Resident ?? throw new InvalidOperationException("The resident was erased.");
            if (decision.Effects.OfType<TurnEffect.Submit>().Any())
            {
                submitted = decision;
                break;
            }
            message = Next(decision.Replies);
        }

        Assert.NotNull(submitted);
        var proposal = Assert.Single(submitted.Effects.OfType<TurnEffect.Submit>()).Proposal;
        Assert.Equal((1, 1, ProposalText), (proposal.ConsultationId, proposal.SphereId, proposal.Text));
        Assert.Equal("Олена Петренко", proposal.AuthorName);
        Assert.Contains(submitted.Replies, r => r.Text.Contains(TurnEffect.ReferencePlaceholder, StringComparison.Ordinal));
        Assert.Equal("subscribe", submitted.Resident!.ConversationStep);
        Assert.DoesNotContain(ProposalText, submitted.Resident.ConversationData ?? "", StringComparison.Ordinal);
        Assert.NotNull(submitted.Resident.ConsentAt);
    }

    [Fact]
    public async Task Forget_Confirmed_DecidesTheErasure_AndNoStateToStore()
    {
        var reads = new FakeReads { ProposalCount = 2 };
        await using var services = Build(reads);
        var resident = new Resident { Id = 5, Channel = Channel.Telegram, ChannelUserId = "42", Language = "uk-UA", ConversationStep = "" };

        var asked = await DecideAsync(services, resident, Inbound("/forget"));
        var done = await DecideAsync(services, asked.Resident, Inbound(choice: "forget:yes"));

        Assert.Equal("forget", asked.Resident!.ConversationStep);
        Assert.Empty(asked.Effects);
        Assert.Null(done.Resident);
        Assert.True(done.Erases);
        Assert.Contains("2", done.Replies[^1].Text, StringComparison.Ordinal);
        // The state the turn was given is not changed by deciding on it.
        Assert.Equal("", resident.ConversationStep);
    }

    [Fact]
    public async Task HeldMessages_GoOutFirst_AndAreHandedOverByTheCommit()
    {
        await using var services = Build(new FakeReads());
        var resident = new Resident { Id = 5, Channel = Channel.Messenger, ChannelUserId = "psid", Language = "uk-UA", ConversationStep = "" };
        var input = new TurnInput(resident, Inbound("/help", Channel.Messenger), Now)
        {
            Held = [new HeldMessage(71, [new OutboundMessage("Рішення щодо вашої пропозиції")])],
        };

        await using var scope = services.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<IConversationEngine>().DecideAsync(input);

        Assert.Equal("Рішення щодо вашої пропозиції", decision.Replies[0].Text);
        Assert.Equal([71L], Assert.Single(decision.Effects.OfType<TurnEffect.HandOver>()).OutboxIds);
    }

    [Fact]
    public async Task TooManyMessagesInAMinute_AreIgnored_WithOneNotice()
    {
        await using var services = Build(new FakeReads());
        var resident = new Resident
        {
            Id = 5, Channel = Channel.Telegram, ChannelUserId = "42", Language = "uk-UA", ConversationStep = "",
            RateWindowStart = Now.AddSeconds(-10), RateWindowCount = 1000,
        };

        var first = await DecideAsync(services, resident, Inbound("/help"));
        var second = await DecideAsync(services, first.Resident, Inbound("/help"));

        Assert.Single(first.Replies);
        Assert.Empty(second.Replies);
        Assert.Empty(first.Effects);
        Assert.True(second.Resident!.RateNoticeSent);
    }

    private const string ProposalText = "Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка";
    private static int _messageId;

    private static InboundMessage Inbound(string? text = null, Channel channel = Channel.Telegram, string? choice = null) =>
        new(channel, channel == Channel.Telegram ? "42" : "psid", Interlocked.Increment(ref _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Text = text,
            ChoiceValue = choice,
            LanguageCode = "uk",
        };

    private static async Task<TurnDecision> DecideAsync(ServiceProvider services, Resident? state, InboundMessage message)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationEngine>().DecideAsync(new TurnInput(state, message, Now));
    }

    /// <summary>The shortest way through whatever is asked: agree, the first real option, one group, the text, a contact, send.</summary>
    private static InboundMessage Next(IReadOnlyList<OutboundMessage> replies)
    {
        var last = replies[^1];
        if (last.RequestContact)
        {
            return Inbound("Олена Петренко, 067 123 45 67");
        }
        var values = last.Choices.Select(c => c.Value).ToList();
        if (values.Count == 0)
        {
            return Inbound(ProposalText);
        }
        foreach (var wanted in new[] { "sum:send", "consent:yes" })
        {
            if (values.Contains(wanted))
            {
                return Inbound(choice: wanted);
            }
        }
        if (values.FirstOrDefault(v => v.EndsWith(":done", StringComparison.Ordinal)) is { } done)
        {
            var prefix = done[..(done.IndexOf(':', StringComparison.Ordinal) + 1)];
            var ticked = last.Choices.Any(c => c.Value.StartsWith(prefix, StringComparison.Ordinal) && c.Label.StartsWith('✓'));
            return Inbound(choice: ticked ? done : values.First(v => v.StartsWith(prefix, StringComparison.Ordinal) && v != done));
        }
        return Inbound(choice: values.FirstOrDefault(v => RealOption().IsMatch(v)) ?? values[0]);
    }

    [GeneratedRegex("^[a-z-]+:([a-z-]+:)?[0-9]+$")]
    private static partial Regex RealOption();

    private static ServiceProvider Build(FakeReads reads)
    {
        var configuration = CoreTestHost.BuildConfiguration(Path.GetTempPath());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.Section);
        services.AddSingleton<CommunityClock>();
        services.AddConversation();
        services.AddSingleton(CatalogCache.Of(Snapshot()));
        services.AddScoped<IConversationReads>(_ => reads);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static CatalogSnapshot Snapshot()
    {
        var district = new StarostaDistrict { Id = 1, Code = "centre", Label = "Центральний", SortOrder = 1 };
        var settlement = new Settlement { Id = 1, Code = "kamianka", Label = "Камʼянка", DistrictId = 1, District = district, SortOrder = 1 };
        var consultation = new Consultation { Id = 1, Title = "Програма відновлення", OpensAt = Now.AddDays(-1), Deadline = Now.AddDays(30) };
        return new CatalogSnapshot(
            [new AuthorCategory { Id = 1, Code = "person", Label = "Фізична особа", Asks = AuthorDetail.SocialGroups, SortOrder = 1 }],
            [new SocialGroup { Id = 1, Code = "youth", Label = "Молодь", SortOrder = 1 }],
            [new BusinessKind { Id = 1, Code = "shop", Label = "Торгівля", SortOrder = 1 }],
            [district],
            [settlement],
            [new Sphere { Id = 1, Code = "roads", Label = "Дороги і транспорт", SortOrder = 1 }],
            [new Topic { Id = 1, Code = "repair", Label = "Ремонт доріг", SphereId = 1, SortOrder = 1 }],
            [consultation]);
    }

    /// <summary>The reads a turn may make, answered from memory.</summary>
    private sealed class FakeReads : IConversationReads
    {
        public int ProposalCount { get; init; }

        public Task<IReadOnlyList<Consultation>> AcceptingAsync(DateTimeOffset now, CancellationToken ct) =>
            Task.FromResult(Snapshot().Accepting(now));

        public Task<int> CountProposalsAsync(int residentId, DateTimeOffset? since, CancellationToken ct) => Task.FromResult(ProposalCount);

        public Task<IReadOnlyList<Proposal>> LatestProposalsAsync(int residentId, int count, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Proposal>>([]);
    }
}
