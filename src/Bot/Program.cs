using Hromada.Admin;
using Hromada.Admin.Web;
using Hromada.Bot.Announcements;
using Hromada.Bot.Channels;
using Hromada.Bot.Errors;
using Hromada.Bot.Health;
using Hromada.Bot.PublicPages;
using Hromada.Bot.Security;
using Hromada.Bot.Telegram;
using Hromada.Core;
using Hromada.Core.Pipeline.PostgreSql;
using Hromada.Core.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHromadaCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddBotChannels(builder.Configuration);
builder.Services.AddAdminApi(builder.Configuration);
builder.Services.AddAdminWeb();
builder.Services.AddAnnouncementScheduling(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddProblemDetails();
// Requests the endpoints cannot read become a ProblemDetails naming the parameter (Errors/BadRequestProblems).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<BadRequestProblems>();
builder.Services.AddHromadaSecurity();
// After the security: Telegram's webhook POSTs skip the routing and the key check, inside the security headers.
builder.Services.AddTelegramWebhookShortPath();

var app = builder.Build();

var command = AdminCommandLine.IsCommand(args);
// On PostgreSQL, instances starting together on one database go through the start one at a time (Storage/StartupLock).
await using (await StartupLock.TakeAsync(app.Services))
{
    await app.Services.InitialiseHromadaAsync();
    if (!command)
    {
        await app.Services.InitialiseAdminAsync();
        await app.Services.PrepareAnnouncementSchedulerAsync();
        await app.Services.GetRequiredService<InstanceLock>().ClaimAsync();
    }
}
if (command)
{
    return await AdminCommandLine.RunAsync(app.Services, args, Console.Out);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHromadaSecurity();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapHealth();
app.MapBotChannels();
app.MapAdminApi();
app.MapAdminWeb();
app.MapAnnouncementFeed();
app.MapReceipts();
app.MapResults();

app.Services.LogChannelStatus();
app.ReleaseWhenStarted();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
