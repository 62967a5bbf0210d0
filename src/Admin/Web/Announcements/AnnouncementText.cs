using Hromada.Core.Announcements;
using Hromada.Core.Reports;

namespace Hromada.Admin.Web.Announcements;

/// <summary>The announcements' words on the page: kinds, targets, statuses, rules, and the validator's problems in Ukrainian.</summary>
internal static class AnnouncementText
{
    public static string Kind(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.Manual => "оголошення",
        AnnouncementKind.ConsultationOpened => "автоматичне: збір відкрито",
        AnnouncementKind.DeadlineReminder => "автоматичне: нагадування про строк",
        AnnouncementKind.DeadlineExtended => "автоматичне: строк продовжено",
        AnnouncementKind.ConsultationClosed => "автоматичне: збір закрито",
        AnnouncementKind.DecisionsPublished => "автоматичне: рішення опубліковано",
        _ => kind.ToString(),
    };

    public static string Target(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel => "Telegram-канал громади",
        AnnouncementTarget.TelegramSubscribers => "підписники в Telegram",
        AnnouncementTarget.MessengerSubscribers => "підписники в Messenger",
        AnnouncementTarget.WebChatSubscribers => "підписники вебчату",
        AnnouncementTarget.ViberSubscribers => "підписники у Viber",
        AnnouncementTarget.FacebookPage => "сторінка громади у Facebook",
        AnnouncementTarget.Feed => "стрічка новин для сайту (Atom)",
        AnnouncementTarget.Instagram => "Instagram громади (картка з підписом)",
        _ => target.ToString(),
    };

    public static string Status(AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Scheduled => "заплановано",
        AnnouncementStatus.Sending => "надсилається",
        AnnouncementStatus.Sent => "надіслано",
        AnnouncementStatus.Cancelled => "скасовано",
        _ => status.ToString(),
    };

    /// <summary>«3 робочі дні після 20.11.2026 о 10:00».</summary>
    public static string Rule(WorkingDayRule rule) =>
        $"{UkrainianCounts.Count(rule.WorkingDays, "робочий день|робочі дні|робочих днів")} " +
        $"{(rule.Direction == RuleDirection.After ? "після" : "до")} {WebText.Date(rule.Date)} о {rule.At:HH\\:mm}";

    /// <summary>
    /// The validator's problem with a field (its English is for the API), said in Ukrainian; <paramref name="text"/> and
    /// <paramref name="targets"/> say which targets a too-long text does not fit.
    /// </summary>
    public static string Problem(string field, string english, string? text, IReadOnlyList<string> targets) => field switch
    {
        "title" when english.Contains("card", StringComparison.Ordinal) => "Назва не вміщується на картку для Instagram: скоротіть її.",
        "title" => $"Назва — не довше {AnnouncementValidator.TitleMaxLength} символів.",
        "text" when english.Contains("card", StringComparison.Ordinal) =>
            "Без назви заголовком картки для Instagram стає перший рядок тексту, а він не вміщується: додайте коротшу назву.",
        "text" when english.Contains("hashtags", StringComparison.Ordinal) =>
            $"Instagram дозволяє щонайбільше {AnnouncementTargets.InstagramHashtagLimit} хештегів у підписі: приберіть зайві.",
        "text" when english.Contains("mentions", StringComparison.Ordinal) =>
            $"Instagram дозволяє щонайбільше {AnnouncementTargets.InstagramMentionLimit} згадок (@) у підписі: приберіть зайві.",
        "text" when english.Contains("empty", StringComparison.Ordinal) => "Напишіть текст оголошення.",
        "text" when english.Contains("placeholder", StringComparison.Ordinal) =>
            "У тексті є невідомі заповнювачі. Можна: " + string.Join(", ", NoticeTemplate.Placeholders.Select(p => "{" + p + "}")) + ".",
        "text" => $"Текст має {UkrainianCounts.Count((text ?? "").Trim().Length, "символ|символи|символів")} — задовгий для: " + string.Join("; ",
            targets.Select(t => AnnouncementTargets.TryParse(t, out var target) ? target : (AnnouncementTarget?)null)
                .OfType<AnnouncementTarget>()
                .Where(t => (text ?? "").Trim().Length > AnnouncementTargets.MaxLength(t))
                .Select(t => $"{Target(t)} (щонайбільше {AnnouncementTargets.MaxLength(t)})")) + ".",
        "targets" => "Оберіть принаймні один канал.",
        _ when field.StartsWith("targets[", StringComparison.Ordinal) => "Цей канал зараз не налаштовано: попросіть адміністратора його увімкнути.",
        "sendAt" when english.Contains("past", StringComparison.Ordinal) => "Цей час уже минув: оберіть пізніший.",
        "sendAt" => "Вкажіть дату і час надсилання або правило робочих днів.",
        "rule.workingDays" => "Кількість робочих днів — від 0 до 366.",
        "rule.after" => "Вкажіть дату, від якої рахувати робочі дні.",
        "rule.at" => "Час — у форматі ГГ:ХХ, наприклад 10:00.",
        "rule" => "За цим правилом час надсилання вже минув: оберіть пізнішу дату.",
        _ => "Перевірте це поле.",
    };

    /// <summary>The form field each validator field is shown beside.</summary>
    public static string FormField(string field) => field switch
    {
        "title" => "Input.Title",
        "text" => "Input.Text",
        "sendAt" => "Input.SendAt",
        "rule.workingDays" => "Input.WorkingDays",
        "rule.at" => "Input.RuleTime",
        "rule.after" or "rule" => "Input.RuleDate",
        _ => "Input.Targets",
    };
}
