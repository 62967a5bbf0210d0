using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Resources;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>
/// With <c>SetUpProfile</c> on, sets the Page's Get Started button (payload GET_STARTED) and greeting through the
/// Messenger Profile API once at start-up. A failure is logged and the service goes on.
/// </summary>
internal sealed class MessengerProfileSetup(
    IServiceScopeFactory scopes, IOptions<MessengerOptions> options, IOptions<CommunityOptions> community, ILogger<MessengerProfileSetup> logger)
    : BackgroundService
{
    private const int MaxGreetingLength = 160;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SetUpProfile)
        {
            return;
        }

        var profile = new
        {
            get_started = new { payload = MessengerLayout.GetStartedPayload },
            greeting = new[]
            {
                new { locale = "default", text = Greeting(community.Value.Culture) },
                new { locale = "en_US", text = Greeting(CultureInfo.GetCultureInfo("en")) },
            },
        };
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GraphApiClient>().SetProfileAsync(profile, stoppingToken);
        if (result.Ok)
        {
            logger.LogInformation("Messenger profile set: Get Started button and greeting");
        }
        else
        {
            logger.LogError("Messenger profile not set: {Error}", result.Error?.ToString() ?? result.Detail);
        }
    }

    private string Greeting(CultureInfo culture)
    {
        var text = Texts.Format("Messenger_Greeting", culture, community.Value.NameGenitive);
        return text.Length <= MaxGreetingLength ? text : text[..(MaxGreetingLength - 1)] + "…";
    }
}
