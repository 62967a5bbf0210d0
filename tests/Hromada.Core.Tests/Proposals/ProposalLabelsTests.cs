using System.Globalization;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;

namespace Hromada.Core.Tests.Proposals;

public sealed class ProposalLabelsTests
{
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    /// <summary>
    /// One vocabulary of decisions, in Texts.resx: what the working group decides («врахувати», the decision form, the
    /// protocol, the resident's notice) and what a proposal then is («враховано», badges, exports, the results page).
    /// </summary>
    [Theory]
    [InlineData(DecisionOutcome.Accepted, "врахувати", "враховано")]
    [InlineData(DecisionOutcome.PartiallyAccepted, "врахувати частково", "враховано частково")]
    [InlineData(DecisionOutcome.Rejected, "не враховувати", "не враховано")]
    public void Outcome_AndDecided_AreTexts_Words_Capitalised(DecisionOutcome outcome, string decide, string decided)
    {
        Assert.Equal(decide, Texts.Get($"Outcome_{outcome}", Ukrainian));
        Assert.Equal(decided, Texts.Get($"Decided_{outcome}", Ukrainian));
        Assert.Equal(char.ToUpper(decide[0], Ukrainian) + decide[1..], ProposalLabels.Outcome(outcome));
        Assert.Equal(char.ToUpper(decided[0], Ukrainian) + decided[1..], ProposalLabels.Decided(outcome));
    }
}
