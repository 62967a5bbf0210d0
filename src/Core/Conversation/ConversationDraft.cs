using System.Text.Json;

namespace Hromada.Core.Conversation;

/// <summary>
/// The answers of a submission in progress, kept as JSON on the resident so any instance can continue it. Each
/// question keeps its own answer under its own name, so a new question needs no change here.
/// </summary>
internal sealed class ConversationDraft
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Each question's answer (and any state of its own) by key.</summary>
    public Dictionary<string, JsonElement> Answers { get; set; } = [];

    public bool IsEmpty => Answers.Count == 0;

    public T? Get<T>(string key) where T : class =>
        Answers.TryGetValue(key, out var value) ? value.Deserialize<T>(Json) : null;

    public void Set<T>(string key, T value) where T : class => Answers[key] = JsonSerializer.SerializeToElement(value, Json);

    public void Remove(string key) => Answers.Remove(key);

    /// <summary>The draft stored as <paramref name="json"/>; an empty one for nothing or a draft of an older shape.</summary>
    public static ConversationDraft Load(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new ConversationDraft();
        }
        try
        {
            var draft = JsonSerializer.Deserialize<ConversationDraft>(json, Json) ?? new ConversationDraft();
            draft.Answers ??= [];
            return draft;
        }
        catch (JsonException)
        {
            // A draft written by an older questionnaire: the resident starts the questionnaire again.
            return new ConversationDraft();
        }
    }

    public string Save() => JsonSerializer.Serialize(this, Json);
}
