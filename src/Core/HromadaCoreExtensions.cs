using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Calendar;
using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Conversation;
using Hromada.Core.Meetings;
using Hromada.Core.Outbox;
using Hromada.Core.Participation;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hromada.Core;

/// <summary>Registers Core: options validated at start-up, storage, catalogs, consultations, proposals and announcements.</summary>
public static class HromadaCoreExtensions
{
    public static IServiceCollection AddHromadaCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommunityOptions>, CommunityOptionsValidator>();
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddHromadaStorage(configuration, contentRoot);
        services.AddSingleton<CommunityClock>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseCopy>();
        services.AddScoped<CatalogSync>();
        services.AddScoped<ConsultationSeeder>();
        services.AddSingleton<CatalogCache>();
        services.AddScoped<Residents.ResidentErasure>();
        services.AddScoped<ErasureCheckpoint>();
        services.AddScoped<ProposalService>();
        services.AddScoped<SimilarProposals>();
        services.AddSingleton<ProposalInputRules>();
        services.AddScoped<Reports.RepresentationService>();
        services.AddScoped<Reports.PeriodSummaryService>();
        services.AddScoped<Reports.ProposalRowReader>();
        services.AddScoped<Notifications.NotificationService>();
        services.TryAddSingleton<Receipts.ReceiptLinks>();
        services.AddScoped<Receipts.ReceiptReader>();
        services.AddScoped<PublicResults.ResultsReader>();
        services.AddOutbox();
        services.AddMessagePipeline();
        services.AddConversation();
        services.AddAnnouncements();
        services.AddReviews();
        services.AddMeetings();
        services.AddParticipation();
        return services;
    }

    /// <summary>
    /// Validates every option, applies migrations, syncs catalogs and seeds the first consultation.
    /// Call once at start-up, before the service takes traffic.
    /// </summary>
    public static async Task InitialiseHromadaAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        _ = services.GetRequiredService<IOptions<CommunityOptions>>().Value;
        _ = services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ConsultationOptions>>().Value;
        _ = services.GetRequiredService<IOptions<CalendarOptions>>().Value;
        _ = services.GetRequiredService<IOptions<AnnouncementOptions>>().Value;

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(ct);
        await scope.ServiceProvider.GetRequiredService<CatalogSync>().SyncAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ConsultationSeeder>().SeedAsync(ct);
    }
}
