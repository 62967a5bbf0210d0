using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Hromada.Core.Audit;

/// <summary>
/// The stored names and versions of the typed audit events and how each is read back. An entry without a kind was
/// written before the events were typed (its bodies are anonymous objects, enums as numbers): <see cref="Read"/> gives
/// null for it and the caller shows it the old way.
/// </summary>
public static class AuditEvents
{
    /// <summary>How the bodies are written and read: enums by name, Ukrainian letters as they are.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<(string Kind, int Version), Func<string?, string?, AuditEvent>> Readers = new()
    {
        [(ProposalReceived.Name, 1)] = (_, a) => new ProposalReceived(Body<ReceiptState>(a)!),
        [("proposal.reclassified", 1)] = (b, a) => new ProposalReclassified(Body<ClassificationState>(b), Body<ClassificationState>(a)!),
        [("proposal.flags-changed", 1)] = (b, a) => new ProposalFlagsChanged(Body<FlagsState>(b), Body<FlagsState>(a)!),
        [("proposal.routed", 1)] = (b, a) => new ProposalRouted(Body<RoutesState>(b), Body<RoutesState>(a)!),
        [("proposal.position-recorded", 1)] = (b, a) => new PositionRecorded(Body<PositionState>(b), Body<PositionState>(a)!),
        [("proposal.decided", 1)] = (b, a) => new ProposalDecided(Body<DecisionState>(b), Body<DecisionState>(a)!),
        [("proposal.public-text", 1)] = (b, a) => new PublicTextChanged(Body<PublicTextState>(b), Body<PublicTextState>(a)!),
        [("proposal.anonymised", 1)] = (b, a) => new ProposalAnonymised(Body<ClearedFields>(b), Body<AnonymisedState>(a)!),
        [("consultation.created", 1)] = (_, a) => new ConsultationCreated(Body<ConsultationState>(a)!),
        [("consultation.edited", 1)] = (b, a) => new ConsultationEdited(Body<ConsultationState>(b), Body<ConsultationState>(a)!),
        [("consultation.extended", 1)] = (b, a) => new ConsultationExtended(Body<DeadlineState>(b), Body<ExtensionState>(a)!),
        [("consultation.closure", 1)] = (b, a) => new ConsultationClosure(Body<ClosureState>(b), Body<ClosureState>(a)!),
        [("consultation.results-publication", 1)] = (b, a) => new ResultsPublication(Body<PublicationState>(b), Body<PublicationState>(a)!),
        [("consultation.interim-report-sent", 1)] = (_, _) => new InterimReportSent(),
        [("answer-template.created", 1)] = (_, a) => new AnswerTemplateCreated(Body<TemplateState>(a)!),
        [("answer-template.edited", 1)] = (b, a) => new AnswerTemplateEdited(Body<TemplateState>(b), Body<TemplateState>(a)!),
        [("answer-template.removed", 1)] = (b, _) => new AnswerTemplateRemoved(Body<TemplateState>(b)!),
        [("meeting.recorded", 1)] = (_, a) => new MeetingRecorded(Body<MeetingState>(a)!),
        [("meeting.changed", 1)] = (b, a) => new MeetingChanged(Body<MeetingState>(b), Body<MeetingState>(a)!),
        [("announcement.created", 1)] = (_, a) => new AnnouncementCreated(Body<AnnouncementState>(a)!),
        [("announcement.edited", 1)] = (b, a) => new AnnouncementEdited(Body<AnnouncementState>(b), Body<AnnouncementState>(a)!),
        [("announcement.cancelled", 1)] = (b, a) => new AnnouncementCancelled(Body<AnnouncementStatusState>(b), Body<AnnouncementStatusState>(a)!),
        [("letter.sent", 1)] = (_, a) => new LetterDispatched(Body<LetterState>(a)!),
        [("api-key.created", 1)] = (_, a) => new ApiKeyCreated(Body<ApiKeyState>(a)!),
        [("api-key.revoked", 1)] = (_, a) => new ApiKeyRevoked(Body<RevocationState>(a)!),
        [("review-body.contacts", 1)] = (b, a) => new ReviewBodyContactsChanged(Body<ContactsState>(b), Body<ContactsState>(a)!),
        [("export.personal-data", 1)] = (_, a) => new PersonalDataExported(Body<ExportState>(a)!),
    };

    /// <summary>The kinds and versions there is a reader for.</summary>
    public static IEnumerable<(string Kind, int Version)> Known => Readers.Keys;

    /// <summary>The typed event an entry holds; null for an entry written before the events were typed, or of a kind this build does not know.</summary>
    public static AuditEvent? Read(string? kind, int version, string? before, string? after) =>
        kind is not null && Readers.TryGetValue((kind, version), out var read) ? read(before, after) : null;

    public static string? Write(object? body) => body is null ? null : JsonSerializer.Serialize(body, body.GetType(), Json);

    private static T? Body<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
}
