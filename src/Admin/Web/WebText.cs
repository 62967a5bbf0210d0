using System.Globalization;
using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Core.Access;
using Hromada.Core.Community;
using Hromada.Core.Text;

namespace Hromada.Admin.Web;

/// <summary>The Ukrainian words and date formats the pages show (channels, statuses and outcomes are in <c>ProposalLabels</c>).</summary>
internal static class WebText
{
    public static string Role(AdminRole role) => role switch
    {
        AdminRole.Admin => "адміністратор",
        AdminRole.WorkingGroup => "робоча група",
        AdminRole.Reviewer => "орган розгляду",
        AdminRole.Communications => "комунікації",
        _ => role.ToString(),
    };

    public static string Role(ClaimsPrincipal user) =>
        Enum.GetValues<AdminRole>().FirstOrDefault(r => user.IsInRole(r.ToString())) is var role && user.IsInRole(role.ToString()) ? Role(role) : "";

    /// <summary>The author's notice state as <c>ProposalReader</c> names it.</summary>
    public static string Notice(string state) => state switch
    {
        "delivered" => "доставлено",
        "pending" => "надсилається",
        "held" => "чекає на автора",
        "blocked" => "автор заблокував бота",
        "failed" => "не доставлено",
        _ => state,
    };

    /// <summary>Why a notice waits, in Ukrainian (the outbox keeps the reason in English for the API and the logs).</summary>
    public static string HeldReason(string reason) => reason switch
    {
        Hromada.Core.Notifications.NotificationService.BlockedReason => "Автор заблокував бота: повідомлення чекає, доки він напише знову.",
        Hromada.Core.Notifications.NotificationService.WebChatReason => "Вебчат покаже його, коли автор наступного разу відкриє чат.",
        Hromada.Core.Announcements.AnnouncementBroadcaster.OutsideWindowReason => "Поза 24-годинним вікном Messenger: буде надіслано з відповіддю на наступне повідомлення мешканця.",
        Hromada.Core.Announcements.AnnouncementBroadcaster.NextVisitReason => "Вебчат: буде показано під час наступного відвідування.",
        _ => reason,
    };

    public static string Date(DateOnly date) => CommunityClock.DateText(date);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>An instant in the hromada's local time, as people read it.</summary>
    public static string Local(DateTimeOffset instant, CommunityClock clock) => clock.Text(instant);

    public static string Local(DateTimeOffset? instant, CommunityClock clock) => instant is { } i ? Local(i, clock) : "—";

    /// <summary>A date for an <c>input type="date"</c>.</summary>
    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int n) => n.ToString("N0", Ukrainian.Culture);

    /// <summary>A measured figure: thousands separated, at most one decimal (52,5).</summary>
    public static string Decimal(double n) => n.ToString("#,0.#", Ukrainian.Culture);
}
