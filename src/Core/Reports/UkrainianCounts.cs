using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Text;

namespace Hromada.Core.Reports;

/// <summary>Numbers with the noun in the right Ukrainian form («1 пропозиція», «2 пропозиції», «5 пропозицій», «21 пропозиція»).</summary>
public static class UkrainianCounts
{
    private static readonly CultureInfo Uk = Ukrainian.Culture;

    /// <summary>Nominative: надійшла 1 пропозиція, надійшли 2 пропозиції, надійшло 5 пропозицій.</summary>
    public const string ProposalWords = "пропозиція|пропозиції|пропозицій";

    /// <summary>Locative: у 1 пропозиції, у 2 пропозиціях, у 5 пропозиціях.</summary>
    public const string ProposalWordsLocative = "пропозиції|пропозиціях|пропозиціях";

    /// <summary>Genitive: щодо 1 пропозиції, щодо 2 пропозицій, щодо 5 пропозицій.</summary>
    public const string ProposalWordsGenitive = "пропозиції|пропозицій|пропозицій";

    public const string Persons = "особа|особи|осіб";

    /// <summary>Genitive: від 1 автора, від 2 авторів, від 21 автора.</summary>
    public const string AuthorsGenitive = "автора|авторів|авторів";

    public const string Businesses = "субʼєкт господарювання|субʼєкти господарювання|субʼєктів господарювання";

    /// <summary>The verb that agrees with a number of proposals: надійшла 1, надійшли 2, надійшло 5.</summary>
    public const string CameIn = "надійшла|надійшли|надійшло";

    /// <summary>The number (with a non-breaking thousands separator) and the noun's form that goes with it.</summary>
    public static string Count(long n, string forms) => $"{Number(n)} {Form(n, forms)}";

    /// <summary>The form of <paramref name="forms"/> ("one|few|many") for <paramref name="n"/>.</summary>
    public static string Form(long n, string forms) => Plural.Choose(n, forms, Ukrainian.Name);

    public static string Number(long n) => n.ToString("#,0", Uk);

    /// <summary>A date as the protocol writes it: 04.12.2026.</summary>
    public static string Date(DateOnly date) => CommunityClock.DateText(date);
}
