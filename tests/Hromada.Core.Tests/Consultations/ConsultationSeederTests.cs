using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Consultations;

public sealed class ConsultationSeederTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task EmptyDatabase_GetsTheShippedConsultation_OpenForThirtyDaysFromFirstStart_UntilTheEndOfTheLastDayInKyiv(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        await using var scope = host.Scope();
        var consultation = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.SingleAsync();

        Assert.StartsWith("Збір пропозицій до Програми комплексного відновлення", consultation.Title, StringComparison.Ordinal);
        Assert.Equal(host.Time.GetUtcNow(), consultation.OpensAt);
        // Opened Monday 2 November 2026 at 11:00 in Kyiv: open to the end of Wednesday 2 December there, whatever the start's clock time.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 23, 59, 59, TimeSpan.FromHours(2)), consultation.Deadline);
        Assert.True(consultation.IsAccepting(host.Time.GetUtcNow()));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task FixedDeadline_IsUsedAsConfigured(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Consultation:DurationDays"] = null,
            ["Hromada:Consultation:OpensAt"] = "2026-11-01T00:00:00+02:00",
            ["Hromada:Consultation:Deadline"] = "2026-12-15T18:00:00+02:00",
        }, database: provider);
        await using var scope = host.Scope();
        var consultation = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.SingleAsync();

        Assert.Equal(new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero), consultation.Deadline);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero), consultation.OpensAt);
    }
}
