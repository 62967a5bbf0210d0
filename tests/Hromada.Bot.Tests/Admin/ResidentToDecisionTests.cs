using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Storage;

namespace Hromada.Bot.Tests.Admin;

/// <summary>The whole path: a resident submits in the web chat, the working group decides, the resident reads the decision.</summary>
public sealed class ResidentToDecisionTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task WebChatSubmission_Decision_NoticeTheResidentReads(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var chat = new WebChatClient(app.CreateClient());
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");
        await chat.PressAsync("Орган самоорганізації");
        await chat.TypeAsync("Дубове");
        await chat.PressAsync("Житлово-комунальне");
        await chat.PressAsync("Вуличне освітлення");
        await chat.TypeAsync("Встановити ліхтарі на сонячних батареях уздовж вулиці Лісової в Дубовому.");
        await chat.TypeAsync("ОСН «Дубове», osn.dubove@example.com");
        await chat.PressAsync("Надіслати");
        var reference = System.Text.RegularExpressions.Regex.Match(chat.LastText, @"P-\d{4}-\d{5}").Value;
        using var admin = AdminClient.ForAdmin(app);

        var decision = await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", new
        {
            outcome = "Accepted",
            justification = "Включено до розділу «Вуличне освітлення» програми на 2027 рік.",
            protocolNumber = "14",
            protocolDate = "2026-11-27",
        });
        var held = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{reference}")).GetProperty("notices")[0];
        // The resident comes back to the chat later (a reloaded page).
        await chat.ResumeAsync();
        var delivered = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{reference}")).GetProperty("notices")[0];

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("held", held.GetProperty("state").GetString());
        Assert.Contains($"Робоча група ухвалила рішення щодо вашої пропозиції {reference}: врахувати.", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("Включено до розділу «Вуличне освітлення»", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("Протокол № 14 від 27.11.2026", chat.LastText, StringComparison.Ordinal);
        Assert.Equal("delivered", delivered.GetProperty("state").GetString());
    }
}
