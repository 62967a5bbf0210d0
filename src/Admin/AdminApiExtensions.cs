using System.Text.Json.Serialization;
using Hromada.Admin.Announcements;
using Hromada.Admin.Audit;
using Hromada.Admin.Auth;
using Hromada.Admin.Authors;
using Hromada.Admin.Catalogs;
using Hromada.Admin.Commands;
using Hromada.Admin.Consultations;
using Hromada.Admin.Intake;
using Hromada.Admin.Letters;
using Hromada.Admin.Meetings;
using Hromada.Admin.Decisions;
using Hromada.Admin.Exports;
using Hromada.Admin.Proposals;
using Hromada.Admin.PublicResults;
using Hromada.Admin.Reports;
using Hromada.Admin.Reviews;
using Hromada.Admin.Templates;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Hromada.Admin;

/// <summary>Registers and maps the admin API under <c>/api/admin</c>, with its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
public static class AdminApiExtensions
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<GoogleFormsImporter>();
        services.AddScoped<ProposalExporter>();
        services.AddScoped<ProposalReader>();
        services.AddScoped<ProposalCommands>();
        services.AddScoped<ReviewService>();
        services.AddScoped<SphereRouting>();
        services.AddScoped<ReviewBodyContacts>();
        services.AddScoped<DecisionService>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<ManualIntake>();
        services.AddScoped<PublicResultsService>();
        services.AddScoped<LetterService>();
        services.AddScoped<AnswerTemplateService>();
        services.AddScoped<AuditTrail>();
        services.TryAddSingleton<ExportScratch>();
        services.AddReports();
        services.AddMeetingServices();
        services.AddOptions<GoogleFormsOptions>().BindConfiguration(GoogleFormsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GoogleFormsOptions>, GoogleFormsOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Errors an API user reads are in the request's Accept-Language (Ukrainian by default, English when asked).
        services.AddTransient<IStartupFilter, ApiLanguage.OutermostStep>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(AdminPolicies.Add);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, context, _) =>
        {
            // The service's public address, never the request's Host (behind a proxy that is 127.0.0.1).
            var publicBase = context.ApplicationServices.GetRequiredService<IOptions<Core.Community.CommunityOptions>>().Value.PublicBaseUrl;
            document.Servers = [new OpenApiServer { Url = publicBase.TrimEnd('/') }];
            document.Info.Title = "Hromada.Bot admin API";
            document.Info.Description = "For the working group, review bodies and the communications office. " +
                "Every call needs 'Authorization: Bearer <key>'; keys are created with 'keys create'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An admin API key.",
            };
            RequireKey(document);
            DescribeListItems(document);
            OpenApiMatchesEndpoints.Apply(document);
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>What each list of strings in a request or an answer holds, by the property's name.</summary>
    private static readonly Dictionary<string, string> ListItems = new(StringComparer.Ordinal)
    {
        ["references"] = "A proposal's reference, e.g. P-2026-00001.",
        ["done"] = "The reference of a proposal the change reached.",
        ["notFound"] = "A reference that names no proposal (or none this key may see).",
        ["conflicts"] = "The reference of a proposal someone else changed meanwhile: read it again and retry.",
        ["routed"] = "The reference of a proposal routed.",
        ["skipped"] = "The reference of a proposal left as it was.",
        ["reviewBodies"] = "A review body's code, as GET /api/admin/review-bodies lists them.",
        ["routedTo"] = "The code of a review body the proposal was routed to.",
        ["emails"] = "An e-mail address.",
        ["socialGroups"] = "A social group's code, as GET /api/catalogs lists them.",
        ["present"] = "A working group member present, as the protocol names them.",
        ["absent"] = "A working group member absent, as the protocol names them.",
        ["invited"] = "A person invited to the meeting, as the protocol names them.",
        ["measures"] = "The code of a measure (Hromada:WorkingGroup:Measures).",
        ["matchedBy"] = "What matched the author: name, phone or email.",
        ["cleared"] = "A personal field cleared: authorName, authorPhone or authorEmail.",
        ["gaps"] = "A group the proposals do not yet represent, in words.",
        ["recipients"] = "An e-mail address the letter goes to.",
        ["invalid"] = "An address as written that is not an e-mail address (left out).",
    };

    /// <summary>
    /// Gives the items of every list of strings a description (and the announcement targets their names), so a
    /// client reading the document knows what goes in <c>references</c>, <c>reviewBodies</c>, <c>targets</c> …
    /// </summary>
    private static void DescribeListItems(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (property is not OpenApiSchema { Items: OpenApiSchema items } list || items.Type != JsonSchemaType.String)
                {
                    continue;
                }
                if (name == "targets")
                {
                    items.Description ??= "An announcement target.";
                    items.Enum = [.. Enum.GetNames<Core.Announcements.AnnouncementTarget>().Select(t => (System.Text.Json.Nodes.JsonNode)t)];
                }
                else if (ListItems.TryGetValue(name, out var what))
                {
                    items.Description ??= what;
                }
                list.Description ??= items.Description;
            }
        }
    }

    /// <summary>
    /// Marks every admin operation as needing the key, so OpenAPI clients (Swagger UI, Postman, generated clients) send
    /// it, and lists the answers a missing or insufficient key gets.
    /// </summary>
    private static void RequireKey(OpenApiDocument document)
    {
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/admin", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [requirement];
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No key, or a key that is wrong or revoked." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's role may not do this." });
            }
        }
    }

    /// <summary>Creates the first admin key when there is none: the bootstrap key if configured, else a generated one written to a private file.</summary>
    public static async Task InitialiseAdminAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if ((await keys.ListAsync()).Count > 0)
        {
            return;
        }

        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Hromada.Admin");
        var bootstrap = scope.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value.BootstrapKey?.Trim();
        if (!string.IsNullOrEmpty(bootstrap))
        {
            await keys.ImportAsync("bootstrap", AdminRole.Admin, bootstrap, "system");
            logger.LogInformation("No admin keys yet: Hromada:Admin:BootstrapKey is now the Admin key named 'bootstrap'");
            return;
        }

        var (_, secret) = await keys.CreateAsync("first-admin", AdminRole.Admin, null, "system");
        var path = await FirstAdminKey.HandOverAsync(secret, scope.ServiceProvider.GetRequiredService<HromadaDbContext>(),
            scope.ServiceProvider.GetRequiredService<IHostEnvironment>());
        logger.LogWarning(
            "No admin keys yet: created the Admin key 'first-admin'. It is in {Path}, readable only by this service's user: store it and delete the file", path);
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var admin = endpoints.MapGroup("/api/admin").RequireAuthorization();
        admin.AddEndpointFilterFactory(InputBoundsFilter.Create);
        admin.AddEndpointFilter(ProblemJsonFilter.InvokeAsync);
        admin.MapConsultationsApi();
        admin.MapProposalsApi();
        admin.MapClassificationApi();
        admin.MapReviewsApi();
        admin.MapDecisionsApi();
        admin.MapIntakeApi();
        admin.MapCatalogsApi();
        admin.MapExportsApi();
        admin.MapGoogleFormsApi();
        admin.MapAuthorsApi();
        admin.MapReportsApi();
        admin.MapAnswerTemplatesApi();
        admin.MapAnnouncementsApi();
        admin.MapMeetingsApi();
        admin.MapPublicResultsApi();
        admin.MapLettersApi();
        admin.MapAuditTrailApi();
        return endpoints;
    }
}
