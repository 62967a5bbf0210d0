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
        [("proposal.reclassified", 1)] = (b, a) => new ProposalReclassified(Body<ClassificationState>(b), Body<ClassificationState>(a)!),
        [("proposal.flags-changed", 1)] = (b, a) => new ProposalFlagsChanged(Body<FlagsState>(b), Body<FlagsState>(a)!),
        [("proposal.routed", 1)] = (b, a) => new ProposalRouted(Body<RoutesState>(b), Body<RoutesState>(a)!),
        [("proposal.position-recorded", 1)] = (b, a) => new PositionRecorded(Body<PositionState>(b), Body<PositionState>(a)!),
        [("proposal.decided", 1)] = (b, a) => new ProposalDecided(Body<DecisionState>(b), Body<DecisionState>(a)!),
        [("proposal.public-text", 1)] = (b, a) => new PublicTextChanged(Body<PublicTextState>(b), Body<PublicTextState>(a)!),
        [("proposal.anonymised", 1)] = (b, a) => new ProposalAnonymised(Body<ClearedFields>(b), Body<AnonymisedState>(a)!),
    };

    /// <summary>The kinds and versions there is a reader for.</summary>
    public static IEnumerable<(string Kind, int Version)> Known => Readers.Keys;

    /// <summary>The typed event an entry holds; null for an entry written before the events were typed, or of a kind this build does not know.</summary>
    public static AuditEvent? Read(string? kind, int version, string? before, string? after) =>
        kind is not null && after is not null && Readers.TryGetValue((kind, version), out var read) ? read(before, after) : null;

    public static string? Write(object? body) => body is null ? null : JsonSerializer.Serialize(body, body.GetType(), Json);

    private static T? Body<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Json);
}
