using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Meetings;
using Hromada.Core.Proposals;

namespace Hromada.Core.Tests.Audit;

public sealed class AuditEventsTests
{
    private static readonly DateTimeOffset Opens = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);

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
        new ProposalReceived(new ReceiptState(Channel.Viber, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), IsLate: true, IsUnidentified: false)),
        new ConsultationCreated(new ConsultationState("Програма відновлення", Opens, Opens.AddDays(30))),
        new ConsultationEdited(new ConsultationState("Програма", Opens, Opens.AddDays(30)), new ConsultationState("Програма відновлення", Opens, Opens.AddDays(31))),
        new ConsultationExtended(new DeadlineState(Opens.AddDays(30)), new ExtensionState(Opens.AddDays(44), "Мала активність", "5", new DateOnly(2026, 10, 30))),
        new ConsultationClosure(new ClosureState(null), new ClosureState(Opens.AddDays(20))),
        new ConsultationClosure(new ClosureState(Opens.AddDays(20)), new ClosureState(null)),
        new ResultsPublication(new PublicationState(false), new PublicationState(true)),
        new InterimReportSent(),
        new AnswerTemplateCreated(new TemplateState(1, "Враховано", DecisionOutcome.Accepted, "Пропозицію враховано в розділі 3.")),
        new AnswerTemplateEdited(new TemplateState(1, "Враховано", null, "Текст"), new TemplateState(1, "Враховано", DecisionOutcome.Accepted, "Новий текст")),
        new AnswerTemplateRemoved(new TemplateState(1, "Враховано", DecisionOutcome.Accepted, "Текст")),
        new MeetingRecorded(MeetingOf(SufficiencyDecision.Extend)),
        new MeetingChanged(MeetingOf(null), MeetingOf(SufficiencyDecision.Sufficient)),
        new AnnouncementCreated(new AnnouncementState("Нагадування", "До кінця збору — тиждень", Opens, new WorkingDayRule(5, RuleDirection.Before, new DateOnly(2026, 11, 30), new TimeOnly(10, 0)),
            [AnnouncementTarget.TelegramSubscribers, AnnouncementTarget.Feed])),
        new AnnouncementCreated(new AnnouncementState("Лист", "Текст листа", Opens, null, [AnnouncementTarget.AuthorEmails], Group: "business", Letter: "letter-0123456789abcdef-1")),
        new AnnouncementEdited(new AnnouncementState(null, "Було", Opens, null, []), new AnnouncementState("Стало", "Стало", Opens.AddHours(1), null, [AnnouncementTarget.Feed])),
        new AnnouncementCancelled(new AnnouncementStatusState(AnnouncementStatus.Scheduled), new AnnouncementStatusState(AnnouncementStatus.Cancelled)),
        new LetterDispatched(new LetterState("Запрошення", "Шановні підприємці!", 3, Invalid: 1, Duplicates: 2)),
        new LetterDispatched(new LetterState("Запрошення", "Шановні підприємці!", 2, Group: "business", Announcement: 7)),
        new ApiKeyCreated(new ApiKeyState("підгрупа-доріг", AdminRole.Reviewer, 3)),
        new ApiKeyRevoked(new RevocationState(Opens)),
        new ReviewBodyContactsChanged(new ContactsState(null, ""), new ContactsState("-1001234567890", "roads@example.org,chair@example.org")),
        new PersonalDataExported(new ExportState("?delimiter=comma&includePersonal=true")),
    ];

    private static MeetingState MeetingOf(SufficiencyDecision? sufficiency) => new(
        "7", new DateOnly(2026, 11, 20), new TimeOnly(14, 0), "Зала ради", "Голова", "Секретар", 7, 2, true,
        [new MeetingItemState(1, "Про достатність пропозицій", 7, 0, 0)], sufficiency, sufficiency == SufficiencyDecision.Extend ? "Мало відгуків" : null, "posters", null);

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
    public void TheWayAThingChanged_SaysTheAction_AsTheUntypedEntriesDid()
    {
        Assert.Equal("Closed", new ConsultationClosure(new ClosureState(null), new ClosureState(Opens)).Action);
        Assert.Equal("Reopened", new ConsultationClosure(new ClosureState(Opens), new ClosureState(null)).Action);
        Assert.Equal("Results published", new ResultsPublication(new PublicationState(false), new PublicationState(true)).Action);
        Assert.Equal("Results withdrawn", new ResultsPublication(new PublicationState(true), new PublicationState(false)).Action);
        Assert.Equal(("Consultation", "Interim report sent to review bodies"), (new InterimReportSent().EntityType, new InterimReportSent().Action));
        Assert.Equal(("Proposal", "Received"), (new ProposalReceived(new ReceiptState(Channel.Telegram, Opens, false, false)).EntityType, ProposalReceived.Received));
    }

    [Fact]
    public void AnEntryWithoutAKind_IsNotRead_AsATypedEvent()
    {
        Assert.Null(AuditEvents.Read(null, 0, null, """{"Status":2,"Outcome":2}"""));
        Assert.Null(AuditEvents.Read("proposal.decided", 99, null, "{}"));
    }
}
