using System.Text.Json;

namespace Hromada.Core.Conversation;

/// <summary>The answers of a submission in progress, kept as JSON on the resident so any instance can continue it.</summary>
internal sealed class ConversationDraft
{
    public int? CategoryId { get; set; }
    public List<int> SocialGroupIds { get; set; } = [];
    public int? BusinessKindId { get; set; }
    public int? DistrictId { get; set; }
    public int? SettlementId { get; set; }
    public string? UnlistedSettlement { get; set; }

    /// <summary>A typed name that matched nothing, waiting for the resident to confirm it as another settlement.</summary>
    public string? PendingSettlementName { get; set; }

    /// <summary>Settlements a typed name matched, offered as choices.</summary>
    public List<int> SettlementCandidates { get; set; } = [];

    public int? SphereId { get; set; }
    public int? TopicId { get; set; }
    public bool TopicAnswered { get; set; }
    public List<string> TextParts { get; set; } = [];
    public bool NameAnswered { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Set while one answer is being changed from the summary: after it, the summary comes back.</summary>
    public bool Editing { get; set; }

    public string Text => string.Join("\n\n", TextParts).Trim();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ConversationDraft Load(string? json) =>
        string.IsNullOrEmpty(json) ? new ConversationDraft() : JsonSerializer.Deserialize<ConversationDraft>(json, Json) ?? new ConversationDraft();

    public string Save() => JsonSerializer.Serialize(this, Json);
}
