using Hromada.Admin.Exports;
using Hromada.Core.Participation;
using Hromada.Core.Text;

namespace Hromada.Admin.Reports;

/// <summary>The workbook's «Участь» sheet: one column per month and one for the whole period, then the targets.</summary>
internal static class ParticipationSheet
{
    public static void Write(XlsxWriter xlsx, ParticipationReport report)
    {
        var columns = report.Months.Select(m => (m.Month, m.Figures)).Append(("Разом", report.Total)).ToList();
        xlsx.WriteHeader(["Показник", .. columns.Select(c => c.Item1)]);
        void Row(string label, Func<ParticipationFigures, object?> value) =>
            xlsx.WriteRow([label, .. columns.Select(c => value(c.Item2))]);

        Row("Пропозицій надійшло", f => f.Proposals.Total);
        foreach (var channel in report.Total.Proposals.ByChannel)
        {
            Row($"  {channel.Label}{(channel.Electronic ? "" : " (не електронно)")}",
                f => f.Proposals.ByChannel.Single(c => c.Code == channel.Code).Proposals);
        }
        Row("В електронній формі", f => f.Proposals.Electronic);
        Row("На папері та особисто", f => f.Proposals.PaperOrInPerson);
        Row("Частка електронних, %", f => Percent(f.Proposals.ElectronicSharePercent));
        Row("Мешканців писали боту", f => f.Residents.Wrote);
        Row("Мешканців подали пропозиції в чаті", f => f.Residents.Submitted);
        Row("Мешканців підписалися на новини", f => f.Residents.Subscribed);
        Row("Оголошень надіслано", f => f.Reach.Announcements);
        Row("Підписників охоплено оголошеннями", f => f.Reach.Residents);
        Row("Публікацій у каналі та на сторінці", f => f.Reach.PublicPosts);
        foreach (var target in report.Total.Reach.ByTarget)
        {
            Row($"  Доставлено: {target.Label}", f => f.Reach.ByTarget.Single(t => t.Target == target.Target).Delivered);
        }

        xlsx.WriteRow([]);
        xlsx.WriteHeader(["Ціль", "Виміряно", "Ціль", "Досягнуто"]);
        foreach (var t in report.Targets)
        {
            var target = Number(t.Target) + (t.TargetUpTo is { } upTo ? "–" + Number(upTo) : "");
            xlsx.WriteRow([t.Label, Number(t.Measured), target, t.Met ? "так" : "ні"]);
        }
        xlsx.WriteRow([$"Підписано на новини зараз: {report.SubscribersNow.Total}"]);
    }

    private static string Percent(double? value) => value is { } v ? Number(v) : "—";

    private static string Number(double value) => value.ToString("0.#", Ukrainian.Culture);
}
