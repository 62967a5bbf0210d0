using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Audit;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>A proposal's history: typed audit events and the entries written before the events were typed, on one page in the same words.</summary>
public sealed class ProposalHistoryTests
{
    [Fact]
    public async Task History_ShowsOldEntries_AndTypedEvents_InTheSameWords()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        // Entries as the untyped code wrote them: anonymous objects, enums as numbers, no kind.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var at = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
            db.AuditEntries.Add(new AuditEntry
            {
                At = at, Actor = "стара-секретарка", EntityType = "Proposal", EntityKey = p.Reference, Action = "Position of sg-infrastructure",
                Before = """{"Stance":null,"PositionJustification":null}""", After = """{"Stance":2,"PositionJustification":"Стара позиція підгрупи"}""",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                At = at.AddMinutes(1), Actor = "стара-секретарка", EntityType = "Proposal", EntityKey = p.Reference, Action = "Decided",
                Before = """{"Status":1,"Outcome":null,"Justification":null,"ProtocolNumber":null,"ProtocolDate":null}""",
                After = """{"Status":2,"Outcome":2,"Justification":"Старе рішення","ProtocolNumber":"7","ProtocolDate":"2026-11-10"}""",
            });
            await db.SaveChangesAsync();
        }
        using var admin = AdminClient.ForAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position",
            new { stance = "Support", justification = "Дорога у плані ремонтів на 2027 рік" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision",
            new { outcome = "PartiallyAccepted", justification = "Ремонт дороги включено до програми.", protocolNumber = "12", protocolDate = "2026-11-20" })).StatusCode);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var page = WebSessionClient.Text(await secretary.GetHtmlAsync($"/admin/proposals/{p.Reference}"));
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{p.Reference}");

        // The old entries, read from their stored numbers.
        Assert.Matches("позиція:[^:]*відхилити", page);
        Assert.Contains("Стара позиція підгрупи", page, StringComparison.Ordinal);
        Assert.Matches("рішення:[^:]*Не враховано", page);
        Assert.Contains("Старе рішення", page, StringComparison.Ordinal);
        Assert.Contains("10.11.2026", page, StringComparison.Ordinal);
        // The typed events, rendered from their types in the same words.
        Assert.Matches("позиція:[^:]*підтримати", page);
        Assert.Matches("рішення:[^:]*Враховано частково", page);
        Assert.Contains("20.11.2026", page, StringComparison.Ordinal);
        Assert.Contains("Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку (до 30.11.2026)", page, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page, "позиція органу «Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку»"));
        Assert.Equal(2, CountOf(page, "ухвалено рішення"));
        Assert.DoesNotContain("sg-infrastructure", page, StringComparison.Ordinal);
        // The API keeps the action's English name and says which typed event an entry is; enums stored by name.
        var history = details.GetProperty("history").EnumerateArray().ToList();
        var decided = history.Where(h => h.GetProperty("action").GetString() == "Decided").ToList();
        Assert.Equal(2, decided.Count);
        Assert.Equal(JsonValueKind.Null, decided[0].GetProperty("kind").ValueKind);
        Assert.Equal("proposal.decided", decided[1].GetProperty("kind").GetString());
        Assert.Equal(1, decided[1].GetProperty("version").GetInt32());
        Assert.Contains("\"Outcome\":\"PartiallyAccepted\"", decided[1].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Contains(history, h => h.GetProperty("kind").GetString() == "proposal.routed");
        Assert.Contains(history, h => h.GetProperty("kind").GetString() == "proposal.position-recorded"
            && h.GetProperty("action").GetString() == "Position of sg-infrastructure");
    }

    [Fact]
    public async Task Receipt_WrittenBeforeTheEventsWereTyped_ReadsAsTheTypedReceipt()
    {
        await using var app = new HromadaAppFactory();
        var receivedAt = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        var typed = await AdminSeed.SubmitAsync(app, channel: Channel.Telegram, receivedAt: receivedAt, name: null, phone: null);
        var old = await AdminSeed.SubmitAsync(app, "Облаштувати укриття в школі", channel: Channel.Telegram, receivedAt: receivedAt, name: null, phone: null);
        // The second receipt made into what the untyped code wrote: no kind, the channel as its number, the same values.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var entry = await db.AuditEntries.SingleAsync(a => a.EntityKey == old.Reference);
            Assert.Equal((ProposalReceived.Name, 1, "Received"), (entry.Kind, entry.Version, entry.Action));
            Assert.Equal("""{"Channel":"Telegram","ReceivedAt":"2026-11-02T08:30:00+00:00","IsLate":false,"IsUnidentified":true}""", entry.After);
            (entry.Kind, entry.Version) = (null, 0);
            entry.After = $$"""{"Channel":{{(int)Channel.Telegram}},"ReceivedAt":"2026-11-02T08:30:00+00:00","IsLate":false,"IsUnidentified":true}""";
            await db.SaveChangesAsync();
        }
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var typedRow = ReceiptRow(await secretary.GetHtmlAsync($"/admin/proposals/{typed.Reference}"));
        var oldRow = ReceiptRow(await secretary.GetHtmlAsync($"/admin/proposals/{old.Reference}"));

        Assert.Equal("resident:Telegram надійшла канал: Telegram надійшла: 02.11.2026 10:30 після строку: ні неідентифікована: так", typedRow);
        Assert.Equal(typedRow, oldRow);
    }

    /// <summary>The history's receipt row as text, without its first cell (when it was recorded).</summary>
    private static string ReceiptRow(string html)
    {
        var history = html[html.IndexOf("id=\"history\"", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</section>", StringComparison.Ordinal)];
        var row = Regex.Matches(history, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Single(r => r.Contains("канал:", StringComparison.Ordinal));
        var withoutWhen = row[(row.IndexOf("</td>", StringComparison.Ordinal) + "</td>".Length)..];
        return Regex.Replace(WebSessionClient.Text(withoutWhen), @"\s+", " ").Trim();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
