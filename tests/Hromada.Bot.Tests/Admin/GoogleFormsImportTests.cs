using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

public sealed class GoogleFormsImportTests
{
    private const string Export =
        "\"Позначка часу\",\"Категорія автора\",\"Соціальна група\",\"Населений пункт\",\"Сфера\",\"Тема\",\"Ваша пропозиція\",\"Прізвище, імʼя, по батькові\",\"Телефон\",\"Електронна пошта\"\n" +
        "\"20.11.2026 14:03:15\",\"Фізична особа\",\"Молодь (14–35 років); Внутрішньо переміщені особи\",\"с. Кам'янка\",\"Соціально-гуманітарна сфера\",\"Молодь\",\"Відкрити молодіжний простір у клубі.\nПотрібні: ремонт, меблі, інтернет.\",\"Марія Шевчук\",\"+380931234567\",\"\"\n" +
        "\"21.11.2026 9:15:00\",\"Субʼєкт господарювання\",\"\",\"Нові Хутори\",\"Економіка та фінанси\",\"\",\"Облаштувати ринок, \"\"як у райцентрі\"\", з навісами\",\"ФОП Бондар\",\"\",\"bondar@example.com\"\n" +
        "\"22.11.2026 10:00:00\",\"Інопланетянин\",\"\",\"Вишневе\",\"Космос\",\"\",\"Побудувати космодром\",\"\",\"\",\"\"\n";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string query) =>
        client.PostAsync(new Uri($"/api/admin/imports/google-forms{query}", UriKind.Relative), new StringContent(Export, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task DryRun_ListsWhatCannotBeMapped_AndStoresNothing()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var report = await (await PostAsync(client, "?dryRun=true")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, report.GetProperty("rows").GetInt32());
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(1, report.GetProperty("skipped").GetInt32());
        var problems = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("value").GetString() == "Нові Хутори" && !p.GetProperty("skipped").GetBoolean());
        Assert.Contains(problems, p => p.GetProperty("value").GetString() == "Космос" && p.GetProperty("row").GetInt32() == 4);
        Assert.Contains(problems, p => p.GetProperty("value").GetString() == "Інопланетянин");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.CountAsync());
    }

    [Fact]
    public async Task Import_StoresMultiLineAnswersAndUnknownSettlements_AndAReimportAddsNothing()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var first = await (await PostAsync(client, "")).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await PostAsync(client, "")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, first.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(2, second.GetProperty("alreadyImported").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var all = await db.Proposals.Include(p => p.Settlement).Include(p => p.SocialGroups).Include(p => p.Topic).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(2, all.Count);
        Assert.Equal("Відкрити молодіжний простір у клубі.\nПотрібні: ремонт, меблі, інтернет.", all[0].Text);
        Assert.Equal("kamianka", all[0].Settlement!.Code);
        Assert.Equal(2, all[0].SocialGroups.Count);
        Assert.Equal("youth", all[0].Topic!.Code);
        Assert.Equal(Channel.GoogleForm, all[0].Channel);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 3, 15, TimeSpan.Zero), all[0].ReceivedAt);
        Assert.Null(all[1].SettlementId);
        Assert.Equal("Нові Хутори", all[1].UnlistedSettlement);
        Assert.Equal("Облаштувати ринок, \"як у райцентрі\", з навісами", all[1].Text);
    }

    [Fact]
    public async Task Import_OfAFileWithoutTheMappedColumns_Returns400NamingThem()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsync(new Uri("/api/admin/imports/google-forms", UriKind.Relative),
            new StringContent("Timestamp,Idea\n2026-11-20 10:00:00,Something\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("«Ваша пропозиція»", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("камянка")]
    [InlineData("с. Кам’янка")]
    [InlineData("КАМ`ЯНКА")]
    public async Task Import_ASettlementTypedWithoutOrWithAnyApostrophe_IsTheCatalogsOne(string typed)
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);
        var csv = Export[..Export.IndexOf('\n', StringComparison.Ordinal)] + "\n" +
            $"\"20.11.2026 14:03:15\",\"Фізична особа\",\"\",\"{typed}\",\"Соціально-гуманітарна сфера\",\"\",\"Відкрити молодіжний простір.\",\"\",\"\",\"\"\n";

        var report = await (await client.PostAsync(new Uri("/api/admin/imports/google-forms", UriKind.Relative),
            new StringContent(csv, Encoding.UTF8, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
        await using var scope = app.Services.CreateAsyncScope();
        var p = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.Include(x => x.Settlement).SingleAsync();
        Assert.Equal("kamianka", p.Settlement!.Code);
    }
}
