using Hromada.Core.Conversation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Tests.Conversation;

public sealed class ConversationOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedBounds()
    {
        var options = Resolve([]);

        Assert.Equal(20, options.ProposalMinLength);
        Assert.Equal(4000, options.ProposalMaxLength);
        Assert.Equal(30, options.MaxMessagesPerMinute);
        Assert.Equal(10, options.MaxProposalsPerDay);
    }

    [Theory]
    [InlineData("MaxMessagesPerMinute", "0")]
    [InlineData("MaxProposalsPerDay", "-1")]
    [InlineData("ProposalMinLength", "5000")]
    public void BadValue_IsRejected_NamingTheSetting(string setting, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"{ConversationOptions.Section}:{setting}"] = value }));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumAboveMaximum_IsRejected_NamingBothSettings()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [$"{ConversationOptions.Section}:ProposalMinLength"] = "300",
            [$"{ConversationOptions.Section}:ProposalMaxLength"] = "200",
        }));

        Assert.Contains("ProposalMinLength", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ProposalMaxLength", ex.Message, StringComparison.Ordinal);
    }

    private static ConversationOptions Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddConversation();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConversationOptions>>().Value;
    }
}
