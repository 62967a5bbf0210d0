using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Admin;

/// <summary>Registers and maps the admin API under <c>/api/admin</c>. Placeholder until the admin API lands.</summary>
public static class AdminApiExtensions
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Creates the first admin key when there is none (bootstrap key or a generated one printed once).</summary>
    public static Task InitialiseAdminAsync(this IServiceProvider services) => Task.CompletedTask;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
