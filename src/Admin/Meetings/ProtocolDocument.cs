using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Hromada.Core.Community;
using Hromada.Core.Meetings;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Hromada.Admin.Reports.WordParts;

namespace Hromada.Admin.Meetings;

/// <summary>
/// A meeting's protocol as a Word document in the form of the procedure's annex: the header, attendance and quorum,
/// the agenda, and for each question what was heard, what was decided and the vote; the sufficiency question carries
/// the statistics paragraph and the gaps as of the meeting's date, the decisions question the proposals decided at the
/// meeting with outcome and justification. What is not recorded is left as a blank line for the secretary to fill in
/// before it is signed. Nothing personal about the authors.
/// </summary>
public sealed class ProtocolDocument(
    HromadaDbContext db, MeetingService meetings, RepresentationService representation, IOptions<CommunityOptions> community,
    IOptions<WorkingGroupOptions> group, CommunityClock clock)
{
    private const string Blank = "______________________";

    private static readonly (string Header, int Width)[] DecidedColumns =
        [("№", 500), ("Номер", 1400), ("Зміст пропозиції", 3600), ("Рішення", 1500), ("Обґрунтування", 2700)];

    /// <summary>The protocol of meeting <paramref name="id"/>, or null when there is no such meeting.</summary>
    public async Task<(byte[] Docx, string FileName)?> BuildAsync(int id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return null;
        }
        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == m.ConsultationId, ct);
        var report = await representation.BuildAsync(consultation, new ReportPeriod(null, m.Date), ct);
        var decided = await meetings.DecidedAsync(m, ct);
        var extension = await db.ConsultationExtensions.AsNoTracking().Where(e => e.MeetingId == m.Id).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);

        var body = new Body();
        Header(body, m, consultation.Title);
        Attendance(body, m);
        body.Append(Para("ПОРЯДОК ДЕННИЙ:", bold: true));
        var items = m.Items.OrderBy(i => i.Number).ToList();
        if (items.Count == 0)
        {
            body.Append(Para("1. " + Blank));
        }
        foreach (var item in items)
        {
            body.Append(Para($"{item.Number}. {Clean(item.Title)}", justify: true));
        }
        foreach (var item in items)
        {
            body.Append(Para($"{item.Number}. {Clean(item.Title)}", "Heading1"));
            body.Append(Para("СЛУХАЛИ:", bold: true));
            body.Append(Para(Clean(item.Heard) is { Length: > 0 } heard ? heard : Blank, justify: true));
            if (item.Kind == MeetingItemKind.Sufficiency)
            {
                body.Append(Para(report.Statistics, justify: true));
                body.Append(Para("Прогалини в представленості:"));
                foreach (var gap in report.Gaps)
                {
                    body.Append(Para("– " + gap, justify: true));
                }
                if (m.LowActivityReasons is { } reasons)
                {
                    body.Append(Para("Причини низької активності: " + Clean(reasons), justify: true));
                }
            }
            if (item.Kind == MeetingItemKind.Decisions)
            {
                body.Append(decided.Count == 0
                    ? Para("На засіданні рішень щодо пропозицій не ухвалено.")
                    : Para($"Розглянуто пропозицій: {decided.Count}. Рішення щодо кожної — у таблиці:"));
                if (decided.Count > 0)
                {
                    body.Append(DecidedTable(decided));
                }
            }
            body.Append(Para("ВИРІШИЛИ:", bold: true));
            body.Append(Para(Clean(item.Decision) is { Length: > 0 } decision ? decision : DefaultDecision(item.Kind, m, extension?.NewDeadline), justify: true));
            body.Append(Para(Vote(item)));
        }
        Signatures(body, m);
        body.Append(Section(landscape: false));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Протокол № {Clean(m.Number)} засідання робочої групи";
            document.PackageProperties.Creator = "Hromada.Bot";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.Document = new Document(body);
        }
        var safe = new string(m.Number.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return (stream.ToArray(), $"protocol-{safe}-{m.Date:yyyy-MM-dd}.docx");
    }

    private void Header(Body body, Meeting m, string title)
    {
        body.Append(Para(community.Value.CouncilName.ToUpper(Ukrainian.Culture), bold: true, center: true));
        body.Append(Para($"ПРОТОКОЛ № {Clean(m.Number)}", "Title"));
        body.Append(Para("засідання робочої групи", center: true));
        body.Append(Para(Clean(title), "Subtitle"));
        var when = UkrainianCounts.Date(m.Date) + (m.StartsAt is { } t ? $", початок о {t.ToString("HH:mm", CultureInfo.InvariantCulture)}" : "");
        body.Append(Para($"{when}; місце проведення: {(m.Place.Length > 0 ? Clean(m.Place) : Blank)}"));
        body.Append(Para("Головуючий: " + (m.Chair.Length > 0 ? Clean(m.Chair) : Blank)));
        body.Append(Para("Секретар: " + (m.Secretary.Length > 0 ? Clean(m.Secretary) : Blank)));
    }

    private static void Attendance(Body body, Meeting m)
    {
        body.Append(Para($"Присутні члени робочої групи ({m.Present.Count}):", bold: true));
        foreach (var person in m.Present)
        {
            body.Append(Para("– " + Clean(person)));
        }
        body.Append(Para($"Відсутні члени робочої групи ({m.Absent.Count}):", bold: true));
        body.Append(m.Absent.Count == 0 ? Para("відсутніх немає.") : Para(string.Join("\n", m.Absent.Select(p => "– " + Clean(p)))));
        if (m.InvitedPersons.Count > 0)
        {
            body.Append(Para("Запрошені:", bold: true));
            body.Append(Para(string.Join("\n", m.InvitedPersons.Select(p => "– " + Clean(p)))));
        }
        var members = m.Present.Count + m.Absent.Count;
        body.Append(Para($"На засіданні присутні: {m.Present.Count} з {members} членів робочої групи. " + (m.HasQuorum
            ? "Кворум є, засідання правомочне."
            : "Кворуму немає: засідання неправомочне ухвалювати рішення."), bold: !m.HasQuorum, justify: true));
    }

    private string DefaultDecision(MeetingItemKind kind, Meeting m, DateTimeOffset? extendedTo) => kind switch
    {
        MeetingItemKind.Sufficiency when m.Sufficiency == SufficiencyDecision.Sufficient =>
            "Визнати пропозиції, що надійшли, достатніми та репрезентативними і перейти до їх розгляду.",
        MeetingItemKind.Sufficiency when m.Sufficiency == SufficiencyDecision.Extend =>
            "Визнати пропозиції, що надійшли, недостатніми. Продовжити строк подання пропозицій"
            + (extendedTo is { } to ? $" до {clock.Text(to)}." : $" до {Blank}.")
            + (Measures(m) is { Length: > 0 } measures ? " Для залучення недостатньо представлених груп: " + measures + "." : ""),
        MeetingItemKind.Decisions => "Ухвалити рішення щодо пропозицій, наведені в таблиці вище, з обґрунтуванням кожного.",
        _ => Blank,
    };

    private string Measures(Meeting m)
    {
        var labels = group.Value.Measures.Where(x => m.Measures.Contains(x.Code.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(x => x.Label.Trim().TrimEnd('.')).ToList();
        if (m.OtherMeasures is { } other)
        {
            labels.Add(Clean(other).TrimEnd('.'));
        }
        return string.Join("; ", labels);
    }

    private static string Vote(MeetingItem item) =>
        item.VotesFor is null && item.VotesAgainst is null && item.VotesAbstained is null
            ? "ГОЛОСУВАЛИ: «за» — ____, «проти» — ____, «утрималися» — ____."
            : $"ГОЛОСУВАЛИ: «за» — {item.VotesFor ?? 0}, «проти» — {item.VotesAgainst ?? 0}, «утрималися» — {item.VotesAbstained ?? 0}.";

    private static Table DecidedTable(IReadOnlyList<DecidedProposalDto> decided)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = DecidedColumns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(DecidedColumns.Select(c => new GridColumn { Width = c.Width.ToString(CultureInfo.InvariantCulture) })),
            new TableRow(new[] { (OpenXmlElement)new TableRowProperties(new TableHeader()) }
                .Concat(DecidedColumns.Select(c => Cell(c.Header, c.Width, bold: true)))));
        var n = 0;
        foreach (var p in decided)
        {
            n++;
            string[] values = [n.ToString(CultureInfo.InvariantCulture), p.Reference, Clean(p.Text), ProposalLabels.Outcome(p.Outcome), Clean(p.Justification)];
            table.Append(new TableRow(values.Select((v, i) => Cell(v, DecidedColumns[i].Width))));
        }
        return table;
    }

    private static void Signatures(Body body, Meeting m)
    {
        body.Append(new Paragraph());
        foreach (var (role, name) in new[] { ("Голова робочої групи", m.Chair), ("Секретар робочої групи", m.Secretary) })
        {
            body.Append(Para($"{role}    ____________    {(name.Length > 0 ? Clean(name) : Blank)}"));
        }
    }

    private static string Clean(string? text) => Hromada.Core.Text.TextSanitiser.Clean(text) ?? "";
}
