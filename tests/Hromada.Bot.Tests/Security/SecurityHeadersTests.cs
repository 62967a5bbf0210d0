using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;

namespace Hromada.Bot.Tests.Security;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/privacy.html")]
    [InlineData("/webchat/webchat.js")]
    [InlineData("/webchat/embed.js")]
    public async Task PagesAndStaticFiles_CarryACspWithFrameAncestors_NoSniffAndNoReferrer(string path)
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("/api/admin/catalogs")]
    [InlineData("/api/admin/proposals")]
    [InlineData("/api/admin/exports/proposals.csv?includePersonal=true")]
    [InlineData("/api/admin/exports/proposals.json")]
    public async Task AdminApiAnswersAndExports_AreNeverCached(string path)
    {
        await using var app = new HromadaAppFactory();
        await AdminSeed.SubmitAsync(app);
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task ErrorsAndTheWebChatApi_CarryTheHeadersToo()
    {
        await using var app = new HromadaAppFactory();
        using var http = app.CreateClient();

        var unauthorised = await http.GetAsync(new Uri("/api/admin/proposals", UriKind.Relative));
        var session = await http.PostAsJsonAsync("/api/webchat/sessions", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        foreach (var response in new[] { unauthorised, session })
        {
            Assert.Equal("no-store", Header(response, "Cache-Control"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }
    }

    [Fact]
    public async Task FrameAncestors_ComeFromConfiguration_SoTheCouncilSiteCanEmbedTheChat()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:FrameAncestors:0"] = "'self'",
            ["Hromada:Security:FrameAncestors:1"] = "https://zelenodilska-gromada.gov.ua",
        });
        using var http = app.CreateClient();

        var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.EndsWith("frame-ancestors 'self' https://zelenodilska-gromada.gov.ua", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public void FrameAncestors_ThatIsNotAnOrigin_StopsTheServiceNamingTheSetting()
    {
        using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:FrameAncestors:0"] = "https://example.org; script-src *",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Hromada:Security:FrameAncestors:0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedPages_HaveNoInlineScriptOrStyle_SoTheCspCanForbidThem()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Bot", "wwwroot");
        var pages = Directory.GetFiles(root, "*.html", SearchOption.AllDirectories);

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.False(InlineScript().IsMatch(html), $"{page} has an inline <script>");
            Assert.False(InlineStyle().IsMatch(html), $"{page} has a <style> element or a style attribute");
            Assert.False(EventHandler().IsMatch(html), $"{page} has an inline event handler");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hromada.Bot.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Hromada.Bot.sln not found above the test folder.");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
