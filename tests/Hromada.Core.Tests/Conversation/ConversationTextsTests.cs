using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hromada.Core.Conversation;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Conversation;

/// <summary>Texts a resident reads: the hromada's and council's names, deadlines, numbers with nouns, both languages.</summary>
public sealed partial class ConversationTextsTests
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("uk-UA");

    [Fact]
    public async Task Greeting_NamesTheHromadaInTheGenitive_AndTheDeadlineWithItsTime()
    {
        await using var host = await CoreTestHost.StartAsync();
        var resident = new ResidentDriver(host);

        await resident.TextAsync("/start");

        Assert.Contains("Вітаємо! Це чат-бот Зеленодільської сільської громади для збору пропозицій.", resident.LastText, StringComparison.Ordinal);
        // The shipped consultation runs 30 days from its opening, to the end of the last day in Kyiv.
        Assert.Contains("Пропозиції приймаються до кінця дня 02.12.2026.", resident.LastText, StringComparison.Ordinal);
        Assert.DoesNotContain("включно", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlineAtLocalMidnight_IsSaidAsTheEndOfTheDayBefore()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Consultation:DurationDays"] = null,
            ["Hromada:Consultation:Deadline"] = "2026-12-25T00:00:00+02:00",
        });
        var resident = new ResidentDriver(host);

        await resident.TextAsync("/start");

        Assert.Contains("Пропозиції приймаються до кінця дня 24.12.2026.", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoOpenConsultation_NamesTheHromadaInTheGenitive()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            (await db.Consultations.SingleAsync()).ClosedAt = host.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }
        var resident = new ResidentDriver(host);

        await resident.TextAsync("/start");

        Assert.StartsWith("Вітаємо! Це чат-бот Зеленодільської сільської громади. Зараз збір пропозицій не триває.", resident.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyLimit_CountsTheProposalsInTheAccusative()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Conversation:MaxProposalsPerDay"] = "1" });
        var resident = new ResidentDriver(host);
        await resident.FillUpToSummaryAsync();
        await resident.PressAsync("Надіслати");

        await resident.TextAsync("/new");

        Assert.Contains("Сьогодні ви вже подали 1 пропозицію — це найбільше за день.", resident.LastText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, GrammaticalCase.Accusative, "1 пропозицію")]
    [InlineData(21, GrammaticalCase.Accusative, "21 пропозицію")]
    [InlineData(2, GrammaticalCase.Accusative, "2 пропозиції")]
    [InlineData(5, GrammaticalCase.Accusative, "5 пропозицій")]
    [InlineData(11, GrammaticalCase.Accusative, "11 пропозицій")]
    [InlineData(1, GrammaticalCase.Nominative, "1 пропозиція")]
    [InlineData(21, GrammaticalCase.Nominative, "21 пропозиція")]
    [InlineData(24, GrammaticalCase.Nominative, "24 пропозиції")]
    [InlineData(0, GrammaticalCase.Nominative, "0 пропозицій")]
    public void Count_PutsTheNounInTheRightFormAndCase(int n, GrammaticalCase grammaticalCase, string expected) =>
        Assert.Equal(expected, Plural.Count(n, "Proposal", grammaticalCase, Uk));

    [Fact]
    public void Count_InEnglish_HasOneAndOther() =>
        Assert.Equal(("1 proposal", "21 proposals"),
            (Plural.Count(1, "Proposal", GrammaticalCase.Accusative, CultureInfo.GetCultureInfo("en")), Plural.Count(21, "Proposal", GrammaticalCase.Accusative, CultureInfo.GetCultureInfo("en"))));

    [Fact]
    public void ResourceFiles_HaveTheSameKeys_AndTheSamePlaceholders()
    {
        var uk = Load("Texts.resx");
        var en = Load("Texts.en.resx");

        Assert.Equal(uk.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        var different = uk.Keys.Where(k => !Placeholders(uk[k]).SetEquals(Placeholders(en[k]))).ToList();
        Assert.Empty(different);
        Assert.All(uk, kv => Assert.True(Placeholders(kv.Value).Count == 0 || Placeholders(kv.Value).Max() == Placeholders(kv.Value).Count - 1, kv.Key));
    }

    [Fact]
    public void UkrainianTexts_UseTheUkrainianApostrophe()
    {
        var wrong = Load("Texts.resx").Where(kv => kv.Value.Contains('\'', StringComparison.Ordinal) || kv.Value.Contains('’', StringComparison.Ordinal)).Select(kv => kv.Key);

        Assert.Empty(wrong);
    }

    [Fact]
    public void ButtonTexts_FitMessengersTwentyCharacters()
    {
        foreach (var file in new[] { "Texts.resx", "Texts.en.resx" })
        {
            var tooLong = Load(file).Where(kv => kv.Key.StartsWith("Choice_", StringComparison.Ordinal) && kv.Value.Length > 20).Select(kv => $"{file}: {kv.Key}");
            Assert.Empty(tooLong);
        }
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Core", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hromada.Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Hromada.Bot.sln not found above the test's folder.");
    }
}
