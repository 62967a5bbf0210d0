using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Core.Conversation;

namespace Hromada.Bot.Tests.Viber;

public sealed class ViberKeyboardTests
{
    [Fact]
    public async Task LongList_IsPagedTwelveAtATime_AndAChoiceOnTheLastPageReachesTheEngine()
    {
        var engine = new FakeConversationEngine();
        var choices = Enumerable.Range(1, 30).Select(i => new Choice($"Населений пункт з дуже довгою назвою номер {i} у старостинському окрузі", $"s{i}")).ToList();
        engine.Reply = m => m.Text == "список" ? [new OutboundMessage("Оберіть населений пункт:") { Choices = choices }] : [new OutboundMessage($"обрано {m.ChoiceValue}")];
        await using var host = await ViberHost.StartAsync(engine);

        await host.SendAsync(ViberPayloads.Text("vb-list==", "список", host.Now));
        var first = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-list=="), s => s.Count == 1, "page 1"))[0];
        await host.SendAsync(ViberPayloads.Text("vb-list==", first.Buttons[^1].ActionBody, host.Now));
        var second = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-list=="), s => s.Count == 2, "page 2"))[1];
        await host.SendAsync(ViberPayloads.Text("vb-list==", second.Buttons[^1].ActionBody, host.Now));
        var third = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-list=="), s => s.Count == 3, "page 3"))[2];
        await host.SendAsync(ViberPayloads.Text("vb-list==", third.Buttons[^2].ActionBody, host.Now));
        var chosen = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-list=="), s => s.Count == 4, "the answer"))[3];

        Assert.Equal(13, first.Buttons.Count);
        Assert.Equal("далі ▶", first.Buttons[^1].Text);
        Assert.Equal(["◀ назад", "далі ▶"], second.Buttons.TakeLast(2).Select(b => b.Text));
        Assert.Equal("◀ назад", third.Buttons[^1].Text);
        Assert.Equal(7, third.Buttons.Count);
        Assert.All(host.Viber.Sent.SelectMany(m => m.Buttons), b => Assert.True(b.Text.Length <= 60, b.Text));
        Assert.EndsWith("…", first.Buttons[0].Text, StringComparison.Ordinal);
        Assert.Equal("обрано s30", chosen.Text);
        // Page turns are not messages for the engine: it saw the request and the choice only.
        Assert.Equal(2, engine.Received.Count);
    }
}
