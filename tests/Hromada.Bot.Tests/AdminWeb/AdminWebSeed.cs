using Hromada.Admin.Auth;
using Hromada.Admin.Templates;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.AdminWeb;

/// <summary>Keys for the people of a test, and the consultation they work on.</summary>
internal static class AdminWebSeed
{
    /// <summary>Creates a key and returns its secret, as an administrator would hand it over.</summary>
    public static async Task<string> KeyAsync(HromadaAppFactory app, string name, AdminRole role, string? reviewBody = null)
    {
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, role, reviewBody, "test");
        return secret;
    }

    public static async Task RevokeAsync(HromadaAppFactory app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(name, "test");
    }

    public static async Task<int> ConsultationIdAsync(HromadaAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.FirstAsync()).Id;
    }

    public static async Task<string> SphereCodeAsync(HromadaAppFactory app, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.Where(p => p.Reference == reference)
            .Select(p => p.Sphere!.Code).SingleAsync();
    }

    public static async Task<Proposal> ProposalAsync(HromadaAppFactory app, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.AsNoTracking()
            .Include(p => p.Routes).SingleAsync(p => p.Reference == reference);
    }
}
