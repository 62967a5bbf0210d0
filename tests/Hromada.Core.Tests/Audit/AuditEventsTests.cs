using Hromada.Core.Audit;
using Hromada.Core.Proposals;

namespace Hromada.Core.Tests.Audit;

public sealed class AuditEventsTests
{
    private static readonly AuditEvent[] All =
    [
        new ProposalReclassified(new ClassificationState(1, null, 4, null), new ClassificationState(2, 7, null, "хутір Зелений", "Стосується доріг")),
        new ProposalFlagsChanged(new FlagsState(false, true, null, false), new FlagsState(true, true, "P-2026-00001", false, "Надійшла поштою пізніше")),
        new ProposalRouted(new RoutesState([]), new RoutesState([new RouteState("sg-infrastructure", new DateOnly(2026, 11, 30))])),
        new PositionRecorded(new PositionState("sg-social", null, null), new PositionState("sg-social", ReviewStance.Partial, "Частково")),
        new ProposalDecided(new DecisionState(ProposalStatus.Routed, null, null, null, null),
            new DecisionState(ProposalStatus.Decided, DecisionOutcome.Rejected, "Не належить до повноважень", "12", new DateOnly(2026, 11, 20))),
        new PublicTextChanged(new PublicTextState(null), new PublicTextState("Містить персональні дані")),
        new ProposalAnonymised(new ClearedFields(["authorName", "authorPhone"]),
            new AnonymisedState(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), true, InChat: false, "Заява автора", "P-2026-00002")),
        new ProposalAnonymised(null, new AnonymisedState(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), true, InChat: true)),
    ];

    public static TheoryData<AuditEvent> Examples() => new(All);

    [Theory, MemberData(nameof(Examples))]
    public void AnEvent_StoredAndReadBack_IsTheSameEvent(AuditEvent change)
    {
        var read = AuditEvents.Read(change.Kind, change.Version, AuditEvents.Write(change.BeforeBody), AuditEvents.Write(change.AfterBody));

        Assert.NotNull(read);
        Assert.Equal(change.GetType(), read.GetType());
        Assert.Equal(AuditEvents.Write(change.BeforeBody), AuditEvents.Write(read.BeforeBody));
        Assert.Equal(AuditEvents.Write(change.AfterBody), AuditEvents.Write(read.AfterBody));
        Assert.Equal(change.Action, read.Action);
    }

    [Fact]
    public void EveryEventType_HasAReaderForItsKindAndVersion()
    {
        var types = typeof(AuditEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AuditEvent)) && !t.IsAbstract).ToList();
        var examples = All;

        Assert.All(types, t => Assert.Contains(examples, e => e.GetType() == t));
        Assert.Equal(types.Count, examples.Select(e => (e.Kind, e.Version)).Distinct().Count());
        Assert.All(examples, e => Assert.Contains((e.Kind, e.Version), AuditEvents.Known));
    }

    [Fact]
    public void Enums_AreStoredByName_SoReorderingThemCannotChangeTheHistory()
    {
        var after = AuditEvents.Write(new DecisionState(ProposalStatus.Decided, DecisionOutcome.PartiallyAccepted, "Так", "3", new DateOnly(2026, 11, 20)));

        Assert.Equal("""{"Status":"Decided","Outcome":"PartiallyAccepted","Justification":"Так","ProtocolNumber":"3","ProtocolDate":"2026-11-20"}""", after);
    }

    [Fact]
    public void AnEntryWithoutAKind_IsNotRead_AsATypedEvent()
    {
        Assert.Null(AuditEvents.Read(null, 0, null, """{"Status":2,"Outcome":2}"""));
        Assert.Null(AuditEvents.Read("proposal.decided", 99, null, "{}"));
    }
}
