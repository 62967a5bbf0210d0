using Hromada.Core.Community;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Tests.Configuration;

public sealed class CommunityOptionsTests
{
    private static async Task<CommunityOptions> ResolveAsync(Dictionary<string, string?> overrides)
    {
        await using var host = await CoreTestHost.StartAsync(overrides, initialise: false);
        return host.Services.GetRequiredService<IOptions<CommunityOptions>>().Value;
    }

    [Fact]
    public async Task RelativePrivacyNotice_IsMadeAbsoluteWithThePublicBaseUrl()
    {
        var options = await ResolveAsync(new() { ["Hromada:Community:PublicBaseUrl"] = "https://bot.zelenodil.gov.ua/" });

        Assert.Equal("/privacy.html", options.PrivacyNoticeUrl);
        Assert.Equal("https://bot.zelenodil.gov.ua/privacy.html", options.PrivacyNoticeLink);
    }

    [Fact]
    public async Task AbsolutePrivacyNotice_IsUsedAsItIs()
    {
        var options = await ResolveAsync(new() { ["Hromada:Community:PrivacyNoticeUrl"] = "https://zelenodil.gov.ua/privacy" });

        Assert.Equal("https://zelenodil.gov.ua/privacy", options.PrivacyNoticeLink);
    }

    [Fact]
    public async Task ALanguageGivenOrNot_IsTheResidentsOrTheHromadas()
    {
        var options = await ResolveAsync(new() { ["Hromada:Community:DefaultCulture"] = "en-US" });

        Assert.Equal("en-US", options.Culture.Name);
        Assert.Equal("uk-UA", options.CultureOf("uk-UA").Name);
        Assert.Equal("en-US", options.CultureOf(null).Name);
        Assert.Equal("en-US", options.CultureOf("").Name);
        Assert.Equal("en-US", options.CultureOf("no-such-language-x").Name);
    }

    [Theory]
    [InlineData("Hromada:Community:PublicBaseUrl", "bot.zelenodil.gov.ua")]
    [InlineData("Hromada:Community:PrivacyNoticeUrl", "privacy.html")]
    [InlineData("Hromada:Community:PrivacyNoticeUrl", "//evil.example/privacy")]
    [InlineData("Hromada:Community:NameGenitive", "")]
    [InlineData("Hromada:Community:CouncilName", "")]
    [InlineData("Hromada:Community:DefaultCulture", "ukrainian")]
    public async Task BadValue_IsRejected_NamingTheSetting(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => ResolveAsync(new() { [key] = value }));

        Assert.Contains(key.Split(':')[^1], ex.Message, StringComparison.Ordinal);
    }
}
