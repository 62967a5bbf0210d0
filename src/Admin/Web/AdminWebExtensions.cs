using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hromada.Admin.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Hromada.Admin.Web;

/// <summary>
/// Registers and maps the working group's web page at <c>/admin</c>: Razor Pages (in <c>src/Admin/Web</c>) over the
/// same services as the API, behind a session cookie got by signing in with an admin key. The API stays bearer-only.
/// </summary>
public static class AdminWebExtensions
{
    public static IServiceCollection AddAdminWeb(this IServiceCollection services)
    {
        services.AddOptions<AdminWebOptions>().BindConfiguration(AdminWebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var assembly = typeof(AdminWebExtensions).Assembly;
        services.AddRazorPages(o => o.RootDirectory = "/Web")
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                WebForms.UseUkrainianBindingMessages(o.ModelBindingMessageProvider);
                o.Filters.Add<StatusPageFilter>();
                o.Filters.Add<InputBoundsPageFilter>();
            })
            .ConfigureApplicationPartManager(m =>
            {
                // Found on its own when the host references this library; added here so the pages also work hosted alone.
                if (!m.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        m.ApplicationParts.Add(part);
                    }
                }
            });
        // Ukrainian letters as they are, not as &#x...; entities (markup characters are still encoded).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hromada_admin_form";
            o.Cookie.Path = "/admin";
            o.FormFieldName = "__form";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            // What a finished action reports on the next page (post, then redirect).
            o.Cookie.Name = "hromada_admin_note";
            o.Cookie.Path = "/admin";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        // The keys behind the session cookie and the form tokens live in the database; the fixed application name
        // keeps them valid when the service is moved to another folder.
        services.AddDataProtection().SetApplicationName("Hromada.Bot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DatabaseKeyRepositorySetup>();
        services.AddAuthentication().AddCookie(AdminPolicies.Web.Scheme);
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, WebSession>();
        services.AddScoped<Dashboard.DashboardData>();
        services.AddScoped<WebCatalogs>();
        services.AddSingleton<Import.PendingImports>();
        services.AddSingleton<Account.SignInThrottle>();
        services.AddScoped<Account.WebSessions>();
        services.AddScoped<Announcements.AnnouncementPages>();
        // Last: AddAuthentication and AddAntiforgery add data protection's services (its preloader with them) again.
        LoadKeysOnFirstUse(services);
        return services;
    }

    /// <summary>The framework's hosted service that reads the key ring at start (its whole job; see its source).</summary>
    private const string KeyRingPreloader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>
    /// Data protection reads its key ring (and on a new database creates the first key) when a cookie or form token is
    /// first made or read, not at start: the preloading service loads the XML stack, the key ring's cryptography and a
    /// query for the keys into every instance, also one nobody signs in to (idle memory, issue 18). The first sign-in
    /// page pays a few milliseconds instead.
    /// </summary>
    private static void LoadKeysOnFirstUse(IServiceCollection services)
    {
        foreach (var preloader in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == KeyRingPreloader).ToList())
        {
            services.Remove(preloader);
        }
    }

    public static IEndpointRouteBuilder MapAdminWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapAdminAssets();
        endpoints.MapAdminFiles();
        return endpoints;
    }
}
