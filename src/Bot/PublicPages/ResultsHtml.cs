using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.PublicResults;
using static Hromada.Bot.PublicPages.PublicHtml;

namespace Hromada.Bot.PublicPages;

/// <summary>The results page of one consultation: figures as bars, the reports' charts, the filter form, the proposals, the pager, the open data links.</summary>
internal static class ResultsHtml
{
    public static string Render(ResultsPage r, ResultsFilter filter, CommunityOptions community)
    {
        var f = r.Figures;
        var page = new PublicHtml(T("Results_Title", r.Consultation.Title), noIndex: false, feed: true)
            .Element("p", community.Name, "community")
            .Element("h1", T("Results_Title", r.Consultation.Title))
            .Element("p", T("Results_Summary", f.Received, f.Decided, f.Late), "lead");

        Figure(page, "by-outcome", T("Results_ByOutcome"), f.ByOutcome.Select(c => (T($"Decided_{c.Outcome}"), c.Value)).ToList());
        Figure(page, "by-sphere", T("Results_BySphere"), f.BySphere.Select(c => (c.Label, c.Value)).ToList());
        Figure(page, "by-settlement", T("Results_BySettlement"),
            f.BySettlement.Select(c => (c.Code.Length == 0 ? T("Results_NoSettlement") : c.Label, c.Value)).ToList());
        if (f.Received > 0)
        {
            Charts(page, r.Consultation.Id);
        }

        page.Raw("<h2 id=\"proposals\">").Raw(E(T("Results_Proposals"))).Raw("</h2>").Element("p", T("Results_ProposalsNote"));
        page.Raw($"<form class=\"filters\" method=\"get\" action=\"/results/{r.Consultation.Id}#proposals\">");
        Select(page, "sphere", T("Results_FilterSphere"), r.Spheres.Select(s => (s.Code, s.Label)), filter.Sphere);
        Select(page, "settlement", T("Results_FilterSettlement"), r.Settlements.Select(s => (s.Code, s.Label)), filter.Settlement);
        Select(page, "outcome", T("Results_FilterOutcome"),
            Enum.GetValues<DecisionOutcome>().Select(x => (x.ToString(), T($"Decided_{x}"))), filter.Outcome?.ToString());
        page.Raw("<div class=\"filter\"><label for=\"filter-q\">").Raw(E(T("Results_FilterSearch"))).Raw("</label>")
            .Raw($"<input id=\"filter-q\" type=\"search\" name=\"q\" maxlength=\"{ResultsReader.MaxQueryLength}\" value=\"{E(filter.Query)}\"></div>")
            .Raw("<button type=\"submit\">").Raw(E(T("Results_FilterApply"))).Raw("</button></form>");

        page.Raw("<p class=\"meta\" role=\"status\">").Raw(E(T("Results_Found", r.Total))).Raw("</p>");
        foreach (var item in r.Items)
        {
            Item(page, item);
        }

        if (r.PageCount > 1)
        {
            page.Raw($"<nav class=\"pager\" aria-label=\"{E(T("Results_Pages"))}\">");
            page.Raw(r.Page > 1 ? Link(r, filter, r.Page - 1, T("Results_Previous")) : "<span></span>");
            page.Element("span", T("Results_PageOf", r.Page, r.PageCount));
            page.Raw(r.Page < r.PageCount ? Link(r, filter, r.Page + 1, T("Results_Next")) : "<span></span>");
            page.Raw("</nav>");
        }

        page.Element("h2", T("Results_OpenData"))
            .Raw("<p>").Raw(E(T("Results_OpenDataText"))).Raw(" ")
            .Raw($"<a href=\"/results/{r.Consultation.Id}/proposals.csv\">CSV</a> · <a href=\"/results/{r.Consultation.Id}/proposals.json\">JSON</a></p>");
        return page.Finish(T("Results_Footer"));
    }

    private static void Item(PublicHtml page, ResultsItem item)
    {
        var state = item.Outcome is { } o ? T($"Decided_{o}") : T($"Status_{item.Status}");
        page.Raw("<article class=\"item\">")
            .Element("h3", $"{item.Reference} — {state}")
            .Element("p", string.Join(" · ", new[] { item.Sphere, item.Topic, item.Settlement, T("Results_Received", Date(item.ReceivedAt)) }
                .Where(x => !string.IsNullOrEmpty(x))) + (item.IsLate ? " · " + T("Results_Late") : ""), "meta");
        if (item.Text is null)
        {
            page.Element("p", T("Results_TextHidden", item.HiddenReason), "hidden-text");
        }
        else
        {
            page.Paragraphs(item.Text, "proposal-text");
        }
        if (item.Outcome is { } outcome)
        {
            page.Raw("<div class=\"decision\">")
                .Element("p", T("Results_Decision", T($"Outcome_{outcome}")), $"outcome outcome-{outcome.ToString().ToLowerInvariant()}")
                .Element("p", T("Receipt_Justification") + ": " + item.Justification);
            if (item.ProtocolNumber is not null && item.ProtocolDate is { } date)
            {
                page.Element("p", T("Receipt_Protocol", item.ProtocolNumber, Date(date)), "meta");
            }
            page.Raw("</div>");
        }
        page.Raw("</article>");
    }

    /// <summary>The reports' three charts as pictures (<see cref="ResultsEndpoints"/> draws them); the tables above carry the same numbers.</summary>
    private static void Charts(PublicHtml page, int consultationId)
    {
        page.Raw("<h2 id=\"charts\">").Raw(E(T("Results_Charts"))).Raw("</h2>").Element("p", T("Results_ChartsNote"), "meta");
        foreach (var name in ResultsEndpoints.ChartNames)
        {
            var src = $"/results/{consultationId}/charts/{name}.png";
            var caption = T($"Results_Chart_{name}");
            page.Raw("<figure class=\"chart\">")
                .Raw($"<a href=\"{src}\"><img src=\"{src}\" alt=\"{E(caption)}\" width=\"1200\" loading=\"lazy\"></a>")
                .Element("figcaption", caption)
                .Raw("</figure>");
        }
    }

    private static void Figure(PublicHtml page, string id, string title, IReadOnlyList<(string Label, int Value)> counts)
    {
        page.Raw($"<h2 id=\"{id}\">").Raw(E(title)).Raw("</h2>");
        if (counts.Count == 0)
        {
            page.Element("p", T("Results_NoneYet"), "meta");
            return;
        }
        page.Raw($"<table aria-labelledby=\"{id}\"><thead><tr>")
            .Raw("<th scope=\"col\">").Raw(E(T("Results_ColumnWhat"))).Raw("</th>")
            .Raw("<th scope=\"col\" class=\"num\">").Raw(E(T("Results_ColumnCount"))).Raw("</th>")
            .Raw("<th scope=\"col\"><span class=\"visually-hidden\">").Raw(E(T("Results_ColumnChart"))).Raw("</span></th>")
            .Raw("</tr></thead><tbody>");
        var max = Math.Max(1, counts.Max(c => c.Value));
        foreach (var (label, value) in counts)
        {
            var count = value.ToString(CultureInfo.InvariantCulture);
            page.Raw("<tr>").Element("td", label).Element("td", count, "num")
                .Raw($"<td><meter min=\"0\" max=\"{max}\" value=\"{count}\" aria-label=\"{E(label)}: {count}\"></meter></td></tr>");
        }
        page.Raw("</tbody></table>");
    }

    private static void Select(PublicHtml page, string name, string label, IEnumerable<(string Value, string Label)> options, string? selected)
    {
        page.Raw($"<div class=\"filter\"><label for=\"filter-{name}\">").Raw(E(label))
            .Raw($"</label><select id=\"filter-{name}\" name=\"{name}\"><option value=\"\">").Raw(E(T("Results_FilterAll"))).Raw("</option>");
        foreach (var (value, text) in options)
        {
            page.Raw($"<option value=\"{E(value)}\"{(value == selected ? " selected" : "")}>").Raw(E(text)).Raw("</option>");
        }
        page.Raw("</select></div>");
    }

    private static string Link(ResultsPage r, ResultsFilter f, int page, string text)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("sphere", f.Sphere);
        Add("settlement", f.Settlement);
        Add("outcome", f.Outcome?.ToString());
        Add("q", f.Query);
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return $"<a href=\"{E($"/results/{r.Consultation.Id}?{string.Join('&', query)}#proposals")}\">{E(text)}</a>";
    }
}
