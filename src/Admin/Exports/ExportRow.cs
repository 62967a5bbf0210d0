using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;

namespace Hromada.Admin.Exports;

/// <summary>One proposal as a spreadsheet row: Ukrainian labels, the consultation's title, routes and positions, decision; personal fields on request.</summary>
internal static class ExportRow
{
    private static readonly string[] PublicColumns =
    [
        "Номер", "Консультація", "Канал", "Отримано", "Статус", "Запізніла", "Без ідентифікації", "Дублікат", "Не за темою",
        "Категорія автора", "Соціальні групи", "Вид діяльності", "Старостинський округ", "Населений пункт", "Інший населений пункт",
        "Місце проживання автора", "Сфера", "Тема", "Текст пропозиції", "Маршрутизація та позиції", "Рішення", "Обґрунтування",
        "Протокол №", "Дата протоколу",
    ];

    private static readonly string[] PersonalColumns = ["ПІБ", "Телефон", "E-mail", "Згода на обробку"];

    /// <summary>Column widths in characters, for the XLSX sheet.</summary>
    public static double[] Widths(bool personal)
    {
        double[] widths = [14, 30, 16, 16, 16, 10, 10, 14, 10, 22, 24, 18, 26, 18, 18, 18, 30, 22, 60, 50, 18, 50, 10, 12];
        return personal ? [.. widths, 24, 16, 24, 16] : widths;
    }

    public static string[] Header(bool personal) => personal ? [.. PublicColumns, .. PersonalColumns] : PublicColumns;

    public static string[] Values(ProposalRow p, bool personal, CommunityClock clock)
    {
        string Local(DateTimeOffset? t) => t is { } v ? clock.SortableText(v) : "";
        string[] values =
        [
            p.Reference,
            p.Consultation,
            ProposalLabels.Channel(p.Channel),
            Local(p.ReceivedAt),
            ProposalLabels.Status(p.Status),
            ProposalLabels.YesNo(p.IsLate),
            ProposalLabels.YesNo(p.IsUnidentified),
            p.DuplicateOf,
            ProposalLabels.YesNo(p.IsOffTopic),
            p.AuthorCategory,
            p.SocialGroups,
            p.BusinessKind,
            p.District,
            p.Settlement,
            p.UnlistedSettlement,
            p.ResidenceSettlement,
            p.Sphere,
            p.Topic,
            p.Text,
            Routes(p.Routes),
            p.Outcome is { } o ? ProposalLabels.Decided(o) : "",
            p.Justification,
            p.ProtocolNumber,
            (p.ProtocolDate is { } protocolDate ? CommunityClock.SortableDateText(protocolDate) : ""),
        ];
        return personal ? [.. values, p.AuthorName, p.AuthorPhone, p.AuthorEmail, Local(p.ConsentAt)] : values;
    }

    /// <summary>"Body (до 01.12.2026): підтримати — reason", one line per route.</summary>
    public static string Routes(IEnumerable<RouteRow> routes) => string.Join("\n", routes.Select(r =>
        $"{r.ReviewBody} (до {CommunityClock.DateText(r.DueDate)})"
        + (r.Stance is { } s ? $": {ProposalLabels.Stance(s)} — {r.Justification}" : "")));
}
