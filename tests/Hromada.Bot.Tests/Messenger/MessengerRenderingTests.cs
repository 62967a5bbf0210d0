using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Conversation;

namespace Hromada.Bot.Tests.Messenger;

public sealed class MessengerRenderingTests
{
    private static readonly string[] Villages =
    [
        "Зеленодільськ", "Вишневе", "Калинівка", "Запорізьке", "Степове", "Дніпровське", "Новоолександрівка (Старостинський округ)",
        "Мирне", "Садове", "Лугове", "Квітневе", "Миролюбівка", "Шевченкове", "Петрівка", "Іванівка", "Олександрівка", "Кам'янське",
    ];

    /// <summary>More than a carousel's 30: the villages twice, the second time with the district's name.</summary>
    private static readonly string[] ManyVillages = [.. Villages, .. Villages.Select(v => v + " (Вишнівка)")];

    private static FakeConversationEngine ListEngine(string[] villages) => new()
    {
        Reply = m => m.Text == "/start"
            ? [new OutboundMessage("Оберіть населений пункт або напишіть його назву:")
                { Choices = [.. villages.Select((v, i) => new Choice(v, $"settlement:{i}"))] }]
            : [new OutboundMessage($"обрано: {m.ChoiceValue ?? m.Text}")],
    };

    [Fact]
    public async Task ListOfUpTo30_IsACarouselOfCardsWithThreeButtons_EachChoiceOneTapAway()
    {
        var engine = ListEngine(Villages);
        await using var host = await MessengerHost.StartAsync(engine);

        await host.SendAsync(MessengerPayloads.GetStarted("psid-cards", host.Now));
        var sent = await Eventually.MessagesAsync(host.Graph, "psid-cards", 0, 2);

        Assert.Equal("Оберіть населений пункт або напишіть його назву:", sent[0].Text);
        Assert.Empty(sent[0].QuickReplies);
        var cards = sent[1].Cards!;
        Assert.Equal(6, cards.Count);
        Assert.Equal(["1–3 з 17", "4–6 з 17", "7–9 з 17", "10–12 з 17", "13–15 з 17", "16–17 з 17"], cards.Select(c => c.Title));
        Assert.Equal("Гортайте вбік, щоб побачити решту", cards[0].Subtitle);
        Assert.Equal(Villages.Select(Shorten), cards.SelectMany(c => c.Buttons).Select(b => b.Title));
        Assert.All(cards.SelectMany(c => c.Buttons), b => Assert.Equal("postback", b.Type));
        Assert.Equal("c:settlement:6", cards[2].Buttons[0].Payload);

        // A village on the last card: one tap, straight to the engine.
        var kamianske = cards[^1].Buttons[^1];
        await host.SendAsync(MessengerPayloads.Postback("psid-cards", kamianske.Title, kamianske.Payload!, host.Now));
        Assert.Equal("обрано: settlement:16", Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-cards", 2)).Text);
        Assert.Equal(2, engine.Received.Count);
    }

    [Fact]
    public async Task LongList_IsPagedWithNextAndBack_WithoutAskingTheEngine()
    {
        var engine = ListEngine(ManyVillages);
        await using var host = await MessengerHost.StartAsync(engine);

        await host.SendAsync(MessengerPayloads.GetStarted("psid-list", host.Now));
        var first = Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-list", 0));

        Assert.Equal(13, first.QuickReplies.Count);
        Assert.Equal(ManyVillages[..12].Select(Shorten), first.QuickReplies.Take(12).Select(q => q.Title));
        Assert.Equal("далі ▶", first.QuickReplies[12].Title);
        Assert.All(first.QuickReplies, q => Assert.True(q.Title!.Length <= 20));
        Assert.Equal("Новоолександрівка (…", first.QuickReplies[6].Title);
        Assert.Equal("c:settlement:6", first.QuickReplies[6].Payload);

        var next = first.QuickReplies[12];
        await host.SendAsync(MessengerPayloads.QuickReply("psid-list", host.NextMid(), next.Title!, next.Payload!, host.Now));
        var second = Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-list", 1));

        Assert.Equal(first.Text, second.Text);
        Assert.Equal("◀ назад", second.QuickReplies[0].Title);
        Assert.Equal(ManyVillages[12..23].Select(Shorten), second.QuickReplies.Skip(1).Take(11).Select(q => q.Title));
        Assert.Equal("далі ▶", second.QuickReplies[12].Title);
        Assert.Single(engine.Received);

        var back = second.QuickReplies[0];
        await host.SendAsync(MessengerPayloads.QuickReply("psid-list", host.NextMid(), back.Title!, back.Payload!, host.Now));
        var again = Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-list", 2));
        Assert.Equal(first.QuickReplies, again.QuickReplies);

        var kamianske = second.QuickReplies[5];
        await host.SendAsync(MessengerPayloads.QuickReply("psid-list", host.NextMid(), kamianske.Title!, kamianske.Payload!, host.Now));
        Assert.Equal("обрано: settlement:16", Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-list", 3)).Text);

        // Typing a name still reaches the engine while the list is shown.
        await host.SendAsync(MessengerPayloads.Text("psid-list", host.NextMid(), "Петрівка", host.Now));
        Assert.Equal("обрано: Петрівка", Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-list", 4)).Text);
        Assert.Equal(3, engine.Received.Count);
    }

    [Fact]
    public async Task LongText_IsSplitAt2000OnParagraphs_WithChoicesOnTheLastPart()
    {
        var paragraphs = Enumerable.Range(1, 6).Select(i => $"Абзац {i}. " + new string('ж', 600)).ToList();
        var engine = new FakeConversationEngine
        {
            Reply = _ => [new OutboundMessage(string.Join("\n\n", paragraphs))
                { Choices = [new Choice("Так", "yes"), new Choice("Ні", "no")], RequestContact = true }],
        };
        await using var host = await MessengerHost.StartAsync(engine);

        await host.SendAsync(MessengerPayloads.Text("psid-long", host.NextMid(), "покажи", host.Now));
        var sent = await Eventually.MessagesAsync(host.Graph, "psid-long", 0, 2);

        Assert.All(sent, m => Assert.True(m.Text.Length <= 2000));
        Assert.All(sent, m => Assert.StartsWith("Абзац", m.Text, StringComparison.Ordinal));
        Assert.Equal(string.Join("\n\n", paragraphs), string.Join("\n\n", sent.Select(m => m.Text)));
        Assert.All(sent.SkipLast(1), m => Assert.Empty(m.QuickReplies));
        Assert.Equal(
            [("user_phone_number", null, null), ("text", "Так", "c:yes"), ("text", "Ні", "c:no")],
            sent[^1].QuickReplies.Select(q => (q.ContentType, q.Title, q.Payload)));
    }

    [Fact]
    public async Task ChoiceWithAShortLabel_IsShownByIt_SoLongLabelsStayTellable()
    {
        var engine = new FakeConversationEngine
        {
            Reply = _ => [new OutboundMessage("Якої сфери стосується пропозиція?")
            {
                Choices =
                [
                    new Choice("Сільське господарство, земельні відносини, ліси, водні ресурси та екологія", "sphere:1") { ShortLabel = "Агро та екологія" },
                    new Choice("Житлово-комунальне господарство, будівництво, дороги, транспорт і звʼязок", "sphere:4") { ShortLabel = "ЖКГ, дороги, звʼязок" },
                    new Choice("Інше", "sphere:6"),
                ],
            }],
        };
        await using var host = await MessengerHost.StartAsync(engine);

        await host.SendAsync(MessengerPayloads.Text("psid-short", host.NextMid(), "/new", host.Now));
        var sent = Assert.Single(await Eventually.MessagesAsync(host.Graph, "psid-short", 0));

        Assert.Equal(
            [("Агро та екологія", "c:sphere:1"), ("ЖКГ, дороги, звʼязок", "c:sphere:4"), ("Інше", "c:sphere:6")],
            sent.QuickReplies.Select(q => (q.Title, q.Payload)));
    }

    private static string Shorten(string label) => label.Length <= 20 ? label : label[..19] + "…";
}
