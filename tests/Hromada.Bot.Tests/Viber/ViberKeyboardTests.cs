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

    [Fact]
    public async Task ShortLabels_GoTwoToARow_SoTwentyFourFitOnePage_AndAPageHoldsTwelveRows()
    {
        var engine = new FakeConversationEngine();
        var shortOnes = Enumerable.Range(1, 24).Select(i => new Choice($"с. Село {i}", $"s{i}")).ToList();
        var mixed = shortOnes.Take(23).Append(new Choice("Населений пункт, якого немає в переліку громади", "other")).ToList();
        engine.Reply = m => m.Text switch
        {
            "короткі" => [new OutboundMessage("Оберіть населений пункт:") { Choices = shortOnes }],
            "змішані" => [new OutboundMessage("Оберіть населений пункт:") { Choices = mixed }],
            _ => [new OutboundMessage($"обрано {m.ChoiceValue}")],
        };
        await using var host = await ViberHost.StartAsync(engine);

        await host.SendAsync(ViberPayloads.Text("vb-rows==", "короткі", host.Now));
        var twentyFour = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-rows=="), s => s.Count == 1, "the short list"))[0].Buttons;
        await host.SendAsync(ViberPayloads.Text("vb-rows==", "змішані", host.Now));
        var withALongOne = (await Eventually.GetAsync(() => host.Viber.SentTo("vb-rows=="), s => s.Count == 2, "the mixed list"))[1].Buttons;

        // 24 short labels: 12 rows of two, one page.
        Assert.Equal(24, twentyFour.Count);
        Assert.All(twentyFour, b => Assert.Equal(3, b.Columns));
        // 22 short ones in 11 rows, the 23rd alone (its neighbour is long) in the 12th: the long one goes to the next page.
        Assert.Equal(Enumerable.Repeat(3, 22).Append(6).Append(6), withALongOne.Select(b => b.Columns));
        Assert.Equal("с. Село 23", withALongOne[22].Text);
        Assert.Equal("далі ▶", withALongOne[^1].Text);
    }
}
