using System.Net;
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

    [Theory]
    [InlineData(NotificationService.WebChatReason, "Вебчат покаже його")]
    [InlineData(NotificationService.BlockedReason, "Автор заблокував бота")]
    [InlineData(AnnouncementBroadcaster.OutsideWindowReason, "Поза 24-годинним вікном Messenger")]
    public void HeldNotice_IsExplainedInUkrainian_OnTheProposalsPage(string reason, string expected) =>
        Assert.StartsWith(expected, WebText.HeldReason(reason), StringComparison.Ordinal);

    [GeneratedRegex(@"\{(title|deadline|opens|received|decided|hromada|reason|previousDeadline)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"name=""Input.Targets""[^>]*checked")]
    private static partial Regex TickedTarget();
}
