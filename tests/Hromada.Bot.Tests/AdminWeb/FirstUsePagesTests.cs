using System.Net;
using System.Net.Http.Json;
using Hromada.Bot.Tests.Admin;
using System.Text.RegularExpressions;
using Hromada.Admin.Web;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>What the secretary, the communications officer and every browser trip over on first use.</summary>
public sealed partial class FirstUsePagesTests
{
    [Fact]
    public async Task Favicon_IsServed_SoNoPageLogsA404()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnnouncementsList_ShowsAutomaticNotices_WithTheirPlaceholdersFilled()
    {
        await using var app = new HromadaAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsultationNotices>().PlanAllAsync();
        }
        var key = await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications);
        using var officer = await WebSessionClient.SignInAsync(app, key);

        var html = await officer.GetHtmlAsync("/admin/announcements");

        Assert.Contains("автоматичне", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(Placeholder(), html);
    }

    [Fact]
    public async Task NewAnnouncement_TicksNoTargetInAdvance()
    {
        await using var app = new HromadaAppFactory();
        var key = await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications);
        using var officer = await WebSessionClient.SignInAsync(app, key);

        var html = await officer.GetHtmlAsync("/admin/announcements/new");

        Assert.Contains("name=\"Input.Targets\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(TickedTarget(), html);
    }

    [Fact]
    public async Task DecidedProposal_ShowsWhatWasDecided_AndItsHistoryNamesTheReviewBody_NotItsCode()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes/sg-infrastructure/position",
            new { stance = "Support", justification = "Дорога у плані ремонтів на 2027 рік" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision",
            new { outcome = "PartiallyAccepted", justification = "Ремонт дороги включено до програми.", protocolNumber = "12", protocolDate = "2026-11-20" })).StatusCode);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var page = WebSessionClient.Text(await secretary.GetHtmlAsync($"/admin/proposals/{p.Reference}"));
        var list = WebSessionClient.Text(await secretary.GetHtmlAsync("/admin/proposals"));

        Assert.Contains("позиція органу «Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку»", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sg-infrastructure", page, StringComparison.Ordinal);
        Assert.Matches("рішення:[^:]*Враховано частково", page);
        Assert.DoesNotContain("Врахувати частково", list, StringComparison.Ordinal);
        Assert.Contains("Враховано частково", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewer_SeesHowManyWaitForTheirPosition_AndTheirBodyInTheHeader_NotTheWorkingGroup()
    {
        await using var app = new HromadaAppFactory();
        var road = await AdminSeed.SubmitAsync(app);
        var lights = await AdminSeed.SubmitAsync(app, "Відновити вуличне освітлення на вулиці Шкільній у Камʼянці");
        await AdminSeed.SubmitAsync(app, "Облаштувати укриття в школі села Вишневе", sphere: "safety");
        using var admin = AdminClient.ForAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { road.Reference, lights.Reference }, reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/proposals/{lights.Reference}/routes/sg-infrastructure/position",
            new { stance = "Support", justification = "Освітлення в плані на 2027 рік" })).StatusCode);
        using var reviewer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "підгрупа ЖКГ", AdminRole.Reviewer, "sg-infrastructure"));
        using var officer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications));

        var overview = WebSessionClient.Text(await reviewer.GetHtmlAsync("/admin"));
        var waiting = WebSessionClient.Text(await reviewer.GetHtmlAsync("/admin/proposals?awaitingPosition=true"));
        var announcements = await officer.GetHtmlAsync("/admin/announcements");

        Assert.Matches(@"\b1\s+чекають вашої позиції", overview);
        Assert.DoesNotContain("ще не передано на розгляд", overview, StringComparison.Ordinal);
        Assert.Contains("<span class=\"brand-sub\">Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку</span>", await reviewer.GetHtmlAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains(road.Reference, waiting, StringComparison.Ordinal);
        Assert.DoesNotContain(lights.Reference, waiting, StringComparison.Ordinal);
        Assert.Contains("<span class=\"brand-sub\">комунікації</span>", announcements, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationService.WebChatReason, "Вебчат покаже його")]
    [InlineData(NotificationService.BlockedReason, "Автор заблокував бота")]
    [InlineData(AnnouncementBroadcaster.OutsideWindowReason, "Поза 24-годинним вікном Messenger")]
    public void HeldNotice_IsExplainedInUkrainian_OnTheProposalsPage(string reason, string expected) =>
        Assert.StartsWith(expected, WebText.HeldReason(reason), StringComparison.Ordinal);

    [GeneratedRegex(@"\{(title|deadline|opens|received|decided|hromada|reason|previousDeadline|channels)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"name=""Input.Targets""[^>]*checked")]
    private static partial Regex TickedTarget();
}
