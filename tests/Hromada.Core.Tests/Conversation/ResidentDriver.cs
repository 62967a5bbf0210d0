using System.Globalization;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>A resident talking to the engine as a channel would: each message in a fresh scope, buttons pressed by their label.</summary>
internal sealed class ResidentDriver(CoreTestHost host, string userId = "resident-1", Channel channel = Channel.Telegram, string? language = "uk")
{
    private int _messageId;

    public IReadOnlyList<OutboundMessage> Last { get; private set; } = [];

    /// <summary>Messages the resident has sent: each text typed, button pressed or contact shared is one turn.</summary>
    public int Turns { get; private set; }

    /// <summary>Everything said so far, both ways, for a failing test's message.</summary>
    public List<string> Transcript { get; } = [];

    public string LastText => string.Join("\n---\n", Last.Select(m => m.Text));

    public IReadOnlyList<Choice> LastChoices => Last.Count == 0 ? [] : Last[^1].Choices;

    public Task<ConversationReply> SendAsync(InboundMessage message) => HandleAsync(message);

    public Task<ConversationReply> TextAsync(string text) => HandleAsync(New() with { Text = text });

    public Task<ConversationReply> ChoiceValueAsync(string value) => HandleAsync(New() with { ChoiceValue = value });

    /// <summary>Presses the button whose label contains <paramref name="label"/> on the last message.</summary>
    public Task<ConversationReply> PressAsync(string label)
    {
        var choice = LastChoices.FirstOrDefault(c => c.Label.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", LastChoices.Select(c => c.Label))}\n{LastText}");
        return ChoiceValueAsync(choice.Value);
    }

    public InboundMessage New() => new(channel, userId, (++_messageId).ToString(CultureInfo.InvariantCulture)) { LanguageCode = language };

    private async Task<ConversationReply> HandleAsync(InboundMessage message)
    {
        Turns++;
        Transcript.Add("> " + (message.Text ?? message.ChoiceValue ?? (message.Contact is { } c ? $"[contact {c.PhoneNumber} {c.Name}]" : "[attachment]")));
        await using var scope = host.Scope();
        var reply = await scope.ServiceProvider.GetRequiredService<ConversationTurns>().HandleAsync(message);
        Last = reply.Messages;
        Transcript.AddRange(reply.Messages.Select(m => m.Text + (m.Choices.Count == 0 ? "" : "\n  [" + string.Join(" | ", m.Choices.Select(x => x.Label)) + "]")));
        return reply;
    }

    public async Task<ConversationReply> ResumeAsync()
    {
        await using var scope = host.Scope();
        var reply = await scope.ServiceProvider.GetRequiredService<ConversationTurns>().ResumeAsync(channel, userId);
        Last = reply.Messages;
        return reply;
    }

    /// <summary>From /start to the summary with typical answers.</summary>
    public async Task FillUpToSummaryAsync(string text = "Відремонтувати дорогу від школи до амбулаторії в селі Камʼянка")
    {
        await TextAsync("/new");
        if (LastChoices.Any(c => c.Label == "Погоджуюся"))
        {
            await PressAsync("Погоджуюся");
        }
        await PressAsync("Фізична особа");
        await PressAsync("Молодь");
        await PressAsync("Готово");
        await TextAsync("камʼянка");
        await PressAsync("Житлово-комунальне");
        await PressAsync("Дороги");
        await TextAsync(text);
        await TextAsync("Олена Петренко, 067 123 45 67");
    }

    /// <summary>A contact card shared with the channel's own button (Telegram's "share my number").</summary>
    public Task<ConversationReply> ShareContactAsync(string phone, string? name, bool isOwn = true) =>
        HandleAsync(New() with { Contact = new SharedContact(phone, name, isOwn) });
}
