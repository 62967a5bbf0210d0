using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Proposals;

namespace Hromada.Admin.Exports;

/// <summary>One proposal flattened for a spreadsheet: classification, routes, positions, decision; personal fields on request.</summary>
internal static class ExportRow
{
    private static readonly string[] PublicColumns =
    [
        "Номер", "Консультація", "Канал", "Отримано", "Статус", "Запізніла", "Без ідентифікації", "Дублікат", "Не за темою",
        "Категорія автора", "Соціальні групи", "Вид діяльності", "Старостинський округ", "Населений пункт", "Інший населений пункт",
        "Сфера", "Тема", "Текст пропозиції", "Маршрутизація та позиції", "Рішення", "Обґрунтування", "Протокол №", "Дата протоколу",
    ];

    private static readonly string[] PersonalColumns = ["ПІБ", "Телефон", "E-mail", "Згода на обробку"];

    public static string[] Header(bool personal) => personal ? [.. PublicColumns, .. PersonalColumns] : PublicColumns;

    public static string[] Values(Proposal p, bool personal, CommunityClock clock)
    {
        string Local(DateTimeOffset? t) => t is { } v ? clock.ToLocal(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        string YesNo(bool b) => b ? "так" : "ні";
        var routes = string.Join("\n", p.Routes.OrderBy(r => r.RoutedAt).Select(r =>
            $"{r.ReviewBody?.Label} (до {r.DueDate:dd.MM.yyyy})" + (r.Stance is null ? "" : $": {Stance(r.Stance.Value)} — {r.PositionJustification}")));
        string[] values =
        [
            p.Reference,
            p.ConsultationId.ToString(CultureInfo.InvariantCulture),
            p.Channel.ToString(),
            Local(p.ReceivedAt),
            p.Status.ToString(),
            YesNo(p.IsLate),
            YesNo(p.IsUnidentified),
            p.DuplicateOfReference ?? "",
            YesNo(p.IsOffTopic),
            p.AuthorCategory?.Label ?? "",
            string.Join("; ", p.SocialGroups.OrderBy(g => g.SortOrder).Select(g => g.Label)),
            p.BusinessKind?.Label ?? "",
            p.Settlement?.District?.Label ?? "",
            p.Settlement?.DisplayName ?? "",
            p.UnlistedSettlement ?? "",
            p.Sphere?.Label ?? "",
            p.Topic?.Label ?? "",
            p.Text,
            routes,
            p.Outcome is { } o ? Outcome(o) : "",
            p.Justification ?? "",
            p.ProtocolNumber ?? "",
            p.ProtocolDate?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "",
        ];
        return personal ? [.. values, p.AuthorName ?? "", p.AuthorPhone ?? "", p.AuthorEmail ?? "", Local(p.ConsentAt)] : values;
    }

    private static string Outcome(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Accepted => "Врахувати",
        DecisionOutcome.PartiallyAccepted => "Врахувати частково",
        _ => "Не враховувати",
    };

    private static string Stance(ReviewStance s) => s switch
    {
        ReviewStance.Support => "підтримати",
        ReviewStance.Partial => "підтримати частково",
        _ => "відхилити",
    };
}
