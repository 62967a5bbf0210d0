using System.Net;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Tests.Host;

public sealed class StartupTests
{
    [Fact]
    public async Task Healthz_OnAFreshDatabase_Answers200()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.Folder, "hromada.db")));
    }

    [Fact]
    public async Task FreshStart_LogsNoDatabaseWarning_TheAdministratorCouldNotActOn()
    {
        await using var app = new HromadaAppFactory().WithServices(s => s.AddFakeLogging());
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        var log = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(log, r => r.Message.StartsWith("Applied ", StringComparison.Ordinal) && r.Message.Contains("database migration", StringComparison.Ordinal));
        Assert.DoesNotContain(log, r => r.Level >= LogLevel.Warning
            && r.Category?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task FreshStart_ThenASignInPage_LogsNoDataProtectionWarning_AndTheKeyIsStoredReadably()
    {
        await using var app = new HromadaAppFactory().WithServices(s => s.AddFakeLogging());
        using var client = app.CreateClient();

        // The sign-in page's form token makes the first data-protection key.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative))).StatusCode);

        var log = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(log, r => r.Message.Contains("kept unencrypted in the database", StringComparison.Ordinal) && r.Level == LogLevel.Information);
        Assert.DoesNotContain(log, r => r.Level >= LogLevel.Warning
            && r.Category?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = Assert.Single(await scope.ServiceProvider.GetRequiredService<Hromada.Core.Storage.HromadaDbContext>().DataProtectionKeys.ToListAsync());
        Assert.Contains("<unencryptedKey", stored.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshStart_MakesNoDataProtectionKey_UntilAPageNeedsOne()
    {
        await using var app = new HromadaAppFactory();
        using var client = app.CreateClient();

        // The key ring is read (and the first key made) on first use, not at start (idle memory, issue 18).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await KeyCountAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative))).StatusCode);
        Assert.Equal(1, await KeyCountAsync());

        async Task<int> KeyCountAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Hromada.Core.Storage.HromadaDbContext>().DataProtectionKeys.CountAsync();
        }
    }

    [Theory]
    [InlineData("Hromada:Catalog:Settlements:0:District", "atlantis", "Hromada:Catalog:Settlements:0 ('zelenyi-dil'): district 'atlantis'")]
    [InlineData("Hromada:Catalog:Spheres:1:Code", "agro", "duplicate code 'agro'")]
    [InlineData("Hromada:Catalog:AuthorCategories:0:Label", "", "Hromada:Catalog:AuthorCategories:0 ('person'): Label is empty.")]
    [InlineData("Hromada:Community:PrivacyNoticeUrl", "not a url", "Hromada:Community:PrivacyNoticeUrl")]
    [InlineData("Hromada:Community:TimeZone", "Mars/Olympus", "Hromada:Community:TimeZone")]
    [InlineData("Hromada:Community:PublicBaseUrl", "bot.zelenodil.gov.ua", "Hromada:Community:PublicBaseUrl")]
    [InlineData("Hromada:Catalog:Spheres:0:ShortLabel", "Сільське господарство й екологія", "Hromada:Catalog:Spheres:0 ('agro'): ShortLabel")]
    [InlineData("Hromada:Consultation:Title", "", "Title")]
    [InlineData("Hromada:WeeklySummary:Day", "9", "Hromada:WeeklySummary:Day must be a day of the week")]
    [InlineData("Hromada:Database:MinFreeSpaceMegabytes", "-1", "Hromada:Database:MinFreeSpaceMegabytes is -1")]
    [InlineData("Hromada:Admin:GoogleForms:MaxRows", "300000", "The field MaxRows must be between 1 and 200000")]
    public async Task BrokenConfiguration_StopsTheServiceWithAMessageNamingTheEntry(string key, string value, string expected)
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { [key] = value });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(app.CreateClient()));

        var validation = FindValidationException(ex);
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }

    private static OptionsValidationException? FindValidationException(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OptionsValidationException v)
            {
                return v;
            }
            if (ex is AggregateException agg)
            {
                return agg.InnerExceptions.Select(FindValidationException).FirstOrDefault(e => e is not null);
            }
        }
        return null;
    }
}
