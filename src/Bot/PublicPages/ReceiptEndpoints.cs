using Hromada.Bot.Security;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Receipts;
using Microsoft.Extensions.Options;
using static Hromada.Bot.PublicPages.PublicHtml;

namespace Hromada.Bot.PublicPages;

/// <summary>
/// The receipt page, <c>/p/{reference}-{code}</c>: a proposal's text, consultation and way through the procedure
/// (received, routed to whom and by when, the decision with its justification and protocol) — never the author. An
/// unknown reference, a wrong code and a reference alone all answer the same 404; lookups are rate-limited per client.
/// </summary>
public static class ReceiptEndpoints
{
    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/p/{key}", ShowAsync)
            .WithName("ReceiptPage")
            .WithSummary("A proposal's public status page (the author's receipt link).")
            .ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.ReceiptPages)
            .WithMetadata(RateLimitPolicies.PeoplePage.Instance);
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string key, ReceiptReader reader, IOptions<CommunityOptions> community, HttpContext http, CancellationToken ct)
    {
        // Only the author has the link: no copies in shared caches, no search engines.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var view = await reader.FindAsync(key, ct);
        if (view is null)
        {
            var missing = new PublicHtml(T("Receipt_NotFoundTitle"), noIndex: true)
                .Element("h1", T("Receipt_NotFoundTitle"))
                .Element("p", T("Receipt_NotFound"))
                .Finish(community.Value.Name);
            return Results.Content(missing, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        return Results.Content(Render(view, community.Value), "text/html; charset=utf-8");
    }

    internal static string Render(ReceiptView p, CommunityOptions community)
    {
        var page = new PublicHtml(T("Receipt_Title", p.Reference), noIndex: true)
            .Element("p", community.Name, "community")
            .Element("h1", T("Receipt_Title", p.Reference))
            .Element("p", T("Receipt_Status", T($"Status_{p.Status}")), $"status status-{p.Status.ToString().ToLowerInvariant()}");

        page.Raw("<dl class=\"facts\">")
            .Element("dt", T("Receipt_Consultation")).Element("dd", p.Consultation)
            .Element("dt", T("Receipt_Sphere")).Element("dd", p.Topic is null ? p.Sphere : $"{p.Sphere} — {p.Topic}");
        if (p.Settlement is not null)
        {
            page.Element("dt", T("Receipt_Settlement")).Element("dd", p.Settlement);
        }
        page.Raw("</dl>");

        if (p.Outcome is { } outcome)
        {
            page.Raw("<section class=\"decision\">")
                .Element("h2", T("Receipt_Decision"))
                .Element("p", T($"Outcome_{outcome}"), $"outcome outcome-{outcome.ToString().ToLowerInvariant()}")
                .Element("h3", T("Receipt_Justification"))
                .Paragraphs(p.Justification ?? "", "justification");
            if (p.ProtocolNumber is not null && p.ProtocolDate is { } date)
            {
                page.Element("p", T("Receipt_Protocol", p.ProtocolNumber, Date(date)), "protocol");
            }
            page.Raw("</section>");
        }
        else
        {
            page.Element("p", T("Receipt_Waiting"), "waiting");
        }

        page.Element("h2", T("Receipt_History")).Raw("<ol class=\"history\">");
        page.Element("li", T("Receipt_Received", Date(p.ReceivedAt)) + (p.IsLate ? " " + T("Receipt_ReceivedLate") : ""));
        foreach (var route in p.Routes)
        {
            page.Element("li", T("Receipt_Routed", Date(route.RoutedAt), route.Body, Date(route.DueDate)));
        }
        if (p.DecidedAt is { } decided && p.Outcome is { } o)
        {
            page.Element("li", T("Receipt_Decided", Date(decided), T($"Outcome_{o}")));
        }
        page.Raw("</ol>");

        page.Element("h2", T("Receipt_Text")).Paragraphs(p.Text, "proposal-text");
        return page.Finish(T("Receipt_Footer"));
    }
}
