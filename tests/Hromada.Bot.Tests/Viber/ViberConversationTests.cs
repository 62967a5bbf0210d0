using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Tests.Viber;

/// <summary>A resident in Viber talking to the real questionnaire engine through the real host and a fake Viber REST API.</summary>
public sealed class ViberConversationTests
{
    private sealed class Resident(ViberHost host, string id)
    {
        public SentViberMessage Last => host.Viber.SentTo(id)[^1];

        public int Count => host.Viber.SentTo(id).Count;

        public int PagesTurned { get; private set; }

        public string AllSince(int index) => string.Join("\n", host.Viber.SentTo(id).Skip(index).Select(m => m.Text));

        /// <summary>Sends a callback and waits for an answer offering buttons, or matching <paramref name="until"/>.</summary>
        public async Task<string> DoAsync(JsonObject callback, Func<SentViberMessage, bool>? until = null)
        {
            var before = Count;
            await host.SendAsync(callback);
            try
            {
                await Eventually.GetAsync(() => host.Viber.SentTo(id), m => m.Count > before && (until ?? (x => x.Buttons.Count > 0))(m[^1]), "the bot's answer");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"No answer to {callback.ToJsonString()}; the bot said: {AllSince(0)}", ex);
            }
            return AllSince(before);
        }

        public Task<string> TypeAsync(string text, Func<SentViberMessage, bool>? until = null) =>
            DoAsync(ViberPayloads.Text(id, text, host.Now), until);

        /// <summary>Taps the reply button whose label starts with <paramref name="label"/>, turning keyboard pages until it shows.</summary>
        public async Task<string> TapAsync(string label, Func<SentViberMessage, bool>? until = null)
        {
            while (true)
            {
                var button = Last.Buttons.FirstOrDefault(b => b.ActionType == "reply" && b.Text.StartsWith(label, StringComparison.Ordinal));
                if (button is not null)
                {
                    return await DoAsync(ViberPayloads.Text(id, button.ActionBody, host.Now), until);
                }
                var next = Last.Buttons.FirstOrDefault(b => b.Text.StartsWith("далі", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", Last.Buttons.Select(b => b.Text))}");
                PagesTurned++;
                await DoAsync(ViberPayloads.Text(id, next.ActionBody, host.Now));
            }
        }
    }

    [Fact]
    public async Task Resident_CompletesASubmission_WithButtonsAndTheSharePhoneButton()
    {
        await using var host = await ViberHost.StartAsync();
        var resident = new Resident(host, "vb-olena==");

        using var opened = await host.PostAsync(ViberPayloads.ConversationStarted("vb-olena==", host.Now).ToJsonString());
        var welcome = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var start = welcome.GetProperty("keyboard").GetProperty("Buttons")[0].GetProperty("ActionBody").GetString()!;
        await resident.TypeAsync(start);
        await resident.TapAsync("Погоджуюся");
        await resident.TapAsync("Фізична особа");
        await resident.TapAsync("Поважний вік");
        await resident.TapAsync("Готово");
        var places = resident.Last;
        await resident.TapAsync("с. Соловʼї");
        await resident.TapAsync("Безпека та оборона");
        await resident.TapAsync("Укриття", _ => true);
        var askContact = await resident.TypeAsync("Облаштувати укриття у підвалі школи в селі Соловʼї, з вентиляцією і лавками.");
        var sharePhone = Assert.Single(resident.Last.Buttons, b => b.ActionType == "share-phone");
        var contactMessage = resident.Last;
        var summary = await resident.DoAsync(ViberPayloads.Contact("vb-olena==", "Олена", "+380671234567", host.Now));
        var done = await resident.TapAsync("✅ Надіслати");

        Assert.Equal("text", welcome.GetProperty("type").GetString());
        Assert.Equal(ViberHost.BotName, welcome.GetProperty("sender").GetProperty("name").GetString());
        Assert.Contains("чат-бот Зеленодільської сільської громади", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("📱 Поділитися моїм номером", sharePhone.Text);
        Assert.Equal(3, contactMessage.MinApiVersion);
        Assert.Contains("Як до вас звертатися", askContact, StringComparison.Ordinal);
        Assert.Contains("с. Соловʼї", summary, StringComparison.Ordinal);
        Assert.Matches(@"P-2026-\d{5}", done);
        Assert.All(host.Viber.Sent, m => Assert.Equal(ViberHost.BotName, m.SenderName));
        Assert.All(host.Viber.Sent.SelectMany(m => m.Buttons).Where(b => b.ActionType == "reply"), b => Assert.True(b.Silent, b.Text));
        // The catalog's 17 settlements and «Немає в переліку» on one keyboard, two to a row: one tap, no page to turn.
        Assert.Equal(18, places.Buttons.Count(b => b.ActionBody.StartsWith("c:", StringComparison.Ordinal)));
        Assert.All(places.Buttons, b => Assert.Equal(3, b.Columns));
        Assert.Equal(0, resident.PagesTurned);
        // No keyboard is longer than 12 rows (a half-row button takes 3 of a row's 6 columns).
        Assert.All(host.Viber.Sent, m => Assert.True(m.Buttons.Where(b => b.ActionBody.StartsWith("c:", StringComparison.Ordinal)).Sum(b => b.Columns) <= 12 * 6, m.Text));
        var proposal = await host.DbAsync(db => db.Proposals.Include(p => p.Settlement).SingleAsync());
        Assert.Equal(Channel.Viber, proposal.Channel);
        Assert.Equal("solovii", proposal.Settlement!.Code);
        Assert.Equal("+380671234567", proposal.AuthorPhone);
        Assert.Equal("Олена", proposal.AuthorName);
        // The receipt: an open-url button to the proposal's status page, and the text carries the address too.
        var receipt = Assert.Single(host.Viber.SentTo("vb-olena=="), m => m.Buttons.Any(b => b.ActionType == "open-url"));
        var link = Assert.Single(receipt.Buttons, b => b.ActionType == "open-url");
        Assert.EndsWith($"/p/{proposal.Reference}-{proposal.ReceiptCode}", link.ActionBody, StringComparison.Ordinal);
        Assert.Equal("Статус пропозиції", link.Text);
        Assert.True(link.Silent);
        Assert.Contains(link.ActionBody, receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PictureOrSticker_IsAnsweredWithWhatTheQuestionExpects_AndTheAnswerStillWorks()
    {
        await using var host = await ViberHost.StartAsync();
        var resident = new Resident(host, "vb-petro==");
        await resident.TypeAsync("/start");
        await resident.TapAsync("Погоджуюся");

        // The answer is the hint and the question again, with its buttons: wait for the buttons.
        var picture = await resident.DoAsync(ViberPayloads.Picture("vb-petro==", host.Now));
        var sticker = await resident.DoAsync(ViberPayloads.Sticker("vb-petro==", host.Now));
        await resident.TapAsync("Фізична особа");

        Assert.Contains("не приймаємо", picture, StringComparison.Ordinal);
        Assert.Contains("Хто подає пропозицію?", picture, StringComparison.Ordinal);
        Assert.Equal(picture, sticker);
        Assert.Equal(0, await host.DbAsync(db => db.InboxItems.CountAsync(i => i.Status != Core.Inbox.InboxStatus.Done)));
    }
}
