using System.Net;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>
/// A browser without a browser: an HTTP client that keeps cookies, signs in with a key through the sign-in form and
/// sends forms with the token the page gave, as a person's browser would. Redirects are not followed, so a test sees them.
/// </summary>
internal sealed partial class WebSessionClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static WebSessionClient Anonymous(HromadaAppFactory app, string baseAddress = "http://localhost") =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) }));

    public static async Task<WebSessionClient> SignInAsync(HromadaAppFactory app, string key)
    {
        var client = Anonymous(app);
        var response = await client.SignInAsync(key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string key) =>
        await PostFormAsync("/admin/sign-in", "/admin/sign-in", [new("Key", key)]);

    public async Task<string> GetHtmlAsync(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="page"/> for its form token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__form", Token(await GetHtmlAsync(page))));
        }
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Posts and follows the one redirect a saved form answers with; returns the page shown after it.</summary>
    public async Task<string> SubmitAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await PostFormAsync(page, action, fields);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await GetHtmlAsync(response.Headers.Location!.OriginalString);
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public static string Token(string html) => FormToken().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no form token.");

    /// <summary>The text of an element's content with tags removed, for asserting what a person reads.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    public void Dispose() => Http.Dispose();
}
