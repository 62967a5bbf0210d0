using Hromada.Core.Conversation;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>
/// Whatever comes where it does not fit — a stale button, a sticker or photo, someone else's contact, typed text where
/// a button is expected — gets one sentence saying what is expected and the same question again, and loses nothing.
/// </summary>
public sealed class ConversationBadInputTests
{
    private static async Task<(string Step, string? Data)> StateAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        var r = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Residents.AsNoTracking().SingleAsync();
        return (r.ConversationStep, r.ConversationData);
    }

    [Fact]
    public async Task AtEveryStep_BadInput_GetsOneSentenceAndTheSameQuestion_AndNothingAnsweredIsLost()
    {
        // Some fifty messages: more than the rate limit lets through in a minute.
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Conversation:MaxMessagesPerMinute"] = "1000" });
        var r = new ResidentDriver(host);
        await r.TextAsync("/start");
        var answers = new (string Step, bool TakesText, Func<Task> Answer)[]
        {
            ("consent", false, () => r.PressAsync("Погоджуюся")),
            ("category", false, () => r.PressAsync("Фізична особа")),
            ("groups", false, () => r.PressAsync("Люди з інвалідністю")),
            ("groups", false, () => r.PressAsync("Готово")),
            ("residence", true, () => r.TextAsync("Озерне")),
            ("sphere", false, () => r.PressAsync("Соціально-гуманітарна")),
            ("topic", false, () => r.PressAsync("Охорона здоровʼя")),
            ("text", true, () => r.TextAsync("Зробити пандус до амбулаторії в Озерному.")),
            ("contact", true, () => r.TextAsync("Петро Коваль, 0671112233")),
            ("sum", false, () => r.PressAsync("Надіслати")),
        };
        var previousButton = "sum:send";
        string? askedStep = null;
        var askedText = "";

        foreach (var (step, takesText, answer) in answers)
        {
            // The question as the step first asked it; after a tap inside the same step (a social group ticked) the
            // last message is only the short "✓ Позначено…" line, and bad input brings back the question itself,
            // with the buttons as they are now.
            var question = r.Last[^1];
            if (step != askedStep)
            {
                askedStep = step;
                askedText = question.Text;
            }
            var state = await StateAsync(host);
            Assert.Equal(step, state.Step);

            var bad = new List<InboundMessage>
            {
                r.New() with { UnsupportedAttachment = true },
                r.New() with { ChoiceValue = previousButton },
                r.New() with { Contact = new SharedContact("+380991112233", "Сусід", IsOwn: false) },
            };
            if (!takesText)
            {
                bad.Add(r.New() with { Text = "ммм" });
            }
            foreach (var message in bad)
            {
                await r.SendAsync(message);

                Assert.True(r.Last.Count == 2, $"At '{step}', {message} got: {r.LastText}");
                Assert.EndsWith(".", r.Last[0].Text, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', r.Last[0].Text);
                Assert.Equal(askedText, r.Last[1].Text);
                Assert.Equal(question.Choices, r.Last[1].Choices);
                Assert.Equal(state, await StateAsync(host));
            }
            await answer();
            if (question.Choices.Count > 0 && step != "sum" && (await StateAsync(host)).Step != step)
            {
                // A button of the question just answered: from here on it is stale.
                previousButton = question.Choices[0].Value;
            }
        }

        Assert.Matches(@"P-2026-00001", r.Last[0].Text);
    }

    [Fact]
    public async Task ContactWhereAButtonIsExpected_SaysItIsNotNeededHere()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);
        await r.TextAsync("/start");

        await r.ShareContactAsync("+380671234567", "Олена");

        Assert.Equal("Контакт тут не потрібен — оберіть, будь ласка, один із варіантів нижче.", r.Last[0].Text);
    }

    [Fact]
    public async Task TypedTextMatchingNoButton_SaysSo_AndWhatToDo()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);
        await r.TextAsync("/start");
        await r.PressAsync("Погоджуюся");

        await r.TextAsync("пенсіонер");

        Assert.Equal("Такого варіанта немає — оберіть, будь ласка, один із варіантів нижче.", r.Last[0].Text);
        Assert.Contains("Хто подає", r.Last[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignContact_AtTheContactQuestion_IsRefused_AndWhatWasGivenIsKept()
    {
        await using var host = await CoreTestHost.StartAsync();
        var r = new ResidentDriver(host);
        await r.FillUpToSummaryAsync();
        await r.PressAsync("✏️ Контакти");
        await r.TextAsync("Олена Петренко");

        await r.ShareContactAsync("+380991112233", "Сусід", isOwn: false);
        await r.TextAsync("0671234567");

        Assert.Contains("Контакти: Олена Петренко, +380671234567", r.LastText, StringComparison.Ordinal);
    }
}
