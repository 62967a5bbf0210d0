using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hromada.Admin.Commands;

/// <summary>
/// The language of the errors an API user reads: English when the request's <c>Accept-Language</c> prefers English
/// to Ukrainian, Ukrainian otherwise (no header, <c>uk</c>, or a language the API does not speak). The middleware
/// (<see cref="OutermostStep"/>, ahead of the key check and the exception handler) notes it for the request, so the
/// commands' failures, the filters and the error handler pick their texts without being handed the request.
/// </summary>
public static class ApiLanguage
{
    private static readonly AsyncLocal<bool> InEnglish = new();

    /// <summary>Whether the current request asked for English.</summary>
    public static bool English => InEnglish.Value;

    /// <summary>The text in the current request's language.</summary>
    public static string Pick(string english, string ukrainian) => InEnglish.Value ? english : ukrainian;

    /// <summary>
    /// Whether <paramref name="request"/> prefers English: of the languages it accepts (by quality, then order), the
    /// first that is English or Ukrainian decides; none of them → Ukrainian.
    /// </summary>
    public static bool PrefersEnglish(HttpRequest request)
    {
        if (request.Headers.AcceptLanguage.Count == 0)
        {
            // Most requests (every webhook call): nothing to parse.
            return false;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in accepted.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (tag.StartsWith("uk", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// Notes each request's language for <see cref="Pick"/> before anything else runs — the routing and the key check
    /// the host adds ahead of Program's middleware included, so a 401 or 403 is in the request's language too.
    /// </summary>
    internal sealed class OutermostStep : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextStep) =>
            {
                InEnglish.Value = PrefersEnglish(context.Request);
                await nextStep(context);
            });
            next(app);
        };
    }
}

/// <summary>One text an API user may read, in both languages; <see cref="Current"/> is the request's.</summary>
public sealed record ApiText(string English, string Ukrainian)
{
    public string Current => ApiLanguage.Pick(English, Ukrainian);
}
