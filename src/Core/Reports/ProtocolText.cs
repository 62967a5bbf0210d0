using static Hromada.Core.Reports.UkrainianCounts;

namespace Hromada.Core.Reports;

/// <summary>
/// The sentences the working group pastes into its protocol: the statistics paragraph in the protocol's form and the
/// gaps in representation. Catalog labels are quoted as they are (in the nominative after a colon), so no label has to
/// be declined; numbers carry the noun in the right form.
/// </summary>
internal static class ProtocolText
{
    /// <summary>Catalog codes for "none of these" and "other": an entry nobody chose is no gap.</summary>
    private static readonly HashSet<string> CatchAllCodes = new(["none", "other"], StringComparer.OrdinalIgnoreCase);

    public static string Statistics(RepresentationReport report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var f = report.Protocol;
        var lead = report.Period switch
        {
            { From: { } from, To: { } to } => $"За період з {Date(from)} по {Date(to)}",
            { From: { } from } => $"З {Date(from)} по {Date(today)}",
            { To: { } to } => $"Станом на {Date(to)}",
            _ => $"Станом на {Date(today)}",
        };
        var parts = new List<string>
        {
            (t.Proposals == 0
                ? $"{lead} не надійшло жодної пропозиції"
                : $"{lead} {Form(t.Proposals, CameIn)} {Count(t.Proposals, ProposalWords)} від {Count(t.Authors, AuthorsGenitive)}")
            + $", з них: від фізичних осіб — {Count(f.Individuals.Proposals, ProposalWords)}, від юридичних осіб — {Count(f.LegalEntities.Proposals, ProposalWords)}; "
            + $"через соціальні мережі — {Count(f.SocialNetworks.Proposals, ProposalWords)}, через веб-форму — {Count(f.WebForm.Proposals, ProposalWords)}, "
            + $"в інший спосіб (письмово, електронною поштою, на особистому прийомі, у ЦНАП) — {Count(f.OtherChannels.Proposals, ProposalWords)}.",
        };
        if (t.Late > 0 || t.Unidentified > 0)
        {
            parts.Add($"Після завершення строку — {Count(t.Late, ProposalWords)}, без імені чи контакту автора (неідентифіковані) — {Count(t.Unidentified, ProposalWords)}.");
        }

        var homes = report.BySettlement.Where(s => s.ByResidence.Authors > 0).Select(s => $"{s.Label} — {Count(s.ByResidence.Authors, Persons)}").ToList();
        if (report.ResidenceUnknown.Proposals > 0)
        {
            homes.Add($"місце проживання не зазначено — {Count(report.ResidenceUnknown.Authors, Persons)}");
        }
        if (homes.Count > 0)
        {
            parts.Add($"За місцем проживання авторів: {string.Join(", ", homes)}.");
        }
        if (t.Proposals > 0 && report.ResidenceUnknown.Proposals < t.Proposals)
        {
            var silent = report.BySettlement.Where(s => s.ByResidence.Proposals == 0).Select(s => s.Label).ToList();
            if (silent.Count > 0)
            {
                parts.Add($"Від жителів {Count(silent.Count, "населеного пункту|населених пунктів|населених пунктів")} пропозицій не надійшло: {string.Join(", ", silent)}.");
            }
        }
        parts.Add(f.Businesses.Proposals == 0
            ? "Від субʼєктів господарювання пропозицій не надійшло."
            : $"Від субʼєктів господарювання — {Count(f.Businesses.Proposals, ProposalWords)} від {Count(f.Businesses.Authors, AuthorsGenitive)} "
              + "(чи є серед них основні платники податків, система не обліковує).");
        return string.Join(" ", parts);
    }

    public static IReadOnlyList<string> Gaps(RepresentationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        if (t.Proposals == 0)
        {
            return
            [
                "Жодної пропозиції не надійшло: не представлено жодного населеного пункту, старостинського округу, " +
                "категорії авторів, соціальної групи чи сфери.",
            ];
        }

        var gaps = new List<string>();
        if (report.ResidenceUnknown.Proposals == t.Proposals)
        {
            gaps.Add("Місце проживання авторів не зазначено в жодній пропозиції, тож представленість населених пунктів " +
                     "за місцем проживання оцінити неможливо.");
        }
        else
        {
            var silent = report.BySettlement.Where(s => s.ByResidence.Proposals == 0).Select(s => s.Label).ToList();
            if (silent.Count > 0)
            {
                gaps.Add($"Від жителів {Count(silent.Count, "населеного пункту|населених пунктів|населених пунктів")} пропозицій не надійшло: {string.Join(", ", silent)}.");
            }
            var silentDistricts = report.ByDistrict.Where(d => d.ByResidence.Proposals == 0).Select(d => d.Label).ToList();
            if (silentDistricts.Count > 0)
            {
                gaps.Add($"Від жителів {Count(silentDistricts.Count, "старостинського округу|старостинських округів|старостинських округів")} пропозицій не надійшло: {string.Join(", ", silentDistricts)}.");
            }
            if (report.ResidenceUnknown.Proposals > 0)
            {
                gaps.Add($"Місце проживання автора не зазначено в {Count(report.ResidenceUnknown.Proposals, ProposalWordsLocative)}.");
            }
        }

        var untouched = report.BySettlement.Where(s => s.Concerned.Proposals == 0).Select(s => s.Label).ToList();
        if (untouched.Count > 0)
        {
            gaps.Add($"Жодна пропозиція не стосується {Count(untouched.Count, "населеного пункту|населених пунктів|населених пунктів")}: {string.Join(", ", untouched)}.");
        }

        var categories = Missing(report.ByAuthorCategory);
        if (categories.Count > 0)
        {
            gaps.Add($"Не надійшло пропозицій від {Count(categories.Count, "категорії авторів|категорій авторів|категорій авторів")}: {Quoted(categories)}.");
        }

        if (report.Protocol.Individuals.Proposals == 0)
        {
            gaps.Add("Від фізичних осіб пропозицій не надійшло, тож жодна соціальна група не представлена.");
        }
        else
        {
            var groups = Missing(report.BySocialGroup);
            if (groups.Count > 0)
            {
                gaps.Add($"Не надійшло пропозицій від представників {Count(groups.Count, "соціальної групи|соціальних груп|соціальних груп")}: {Quoted(groups)}.");
            }
        }

        if (report.Protocol.Businesses.Proposals > 0)
        {
            var kinds = Missing(report.ByBusinessKind);
            if (kinds.Count > 0)
            {
                gaps.Add($"Від субʼєктів господарювання {Count(kinds.Count, "виду діяльності|видів діяльності|видів діяльності")} пропозицій не надійшло: {Quoted(kinds)}.");
            }
        }

        var spheres = report.BySphere.Where(s => s.Proposals == 0 && !CatchAllCodes.Contains(s.Code)).Select(s => s.Label).ToList();
        if (spheres.Count > 0)
        {
            gaps.Add($"Не надійшло пропозицій у {Count(spheres.Count, "сфері|сферах|сферах")}: {Quoted(spheres)}.");
        }
        if (gaps.Count == 0)
        {
            gaps.Add("Прогалин не виявлено: пропозиції надійшли від жителів усіх населених пунктів, від усіх категорій авторів і соціальних груп, в усіх сферах.");
        }
        return gaps;
    }

    private static List<string> Missing(IEnumerable<CodeTally> tallies) =>
        tallies.Where(x => x.Proposals == 0 && !CatchAllCodes.Contains(x.Code)).Select(x => x.Label).ToList();

    private static string Quoted(IEnumerable<string> labels) => string.Join(", ", labels.Select(l => $"«{l}»"));
}
