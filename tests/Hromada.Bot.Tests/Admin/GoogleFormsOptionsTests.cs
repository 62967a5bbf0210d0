using Hromada.Admin.Intake;

namespace Hromada.Bot.Tests.Admin;

public sealed class GoogleFormsOptionsTests
{
    [Fact]
    public void ShippedColumns_AreValid()
    {
        Assert.True(new GoogleFormsOptionsValidator().Validate(null, new GoogleFormsOptions()).Succeeded);
    }

    [Fact]
    public void ARequiredColumnLeftEmpty_OrOneHeaderForTwoAnswers_StopsTheStart_NamingTheSetting()
    {
        var options = new GoogleFormsOptions { Columns = new GoogleFormsColumns { Text = " ", Phone = "Сфера" } };

        var result = new GoogleFormsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Hromada:Admin:GoogleForms:Columns:Text: empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'Сфера' is given to Sphere and Phone", result.FailureMessage, StringComparison.Ordinal);
    }
}
