using System.Xml.Linq;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web;

/// <summary>
/// Keeps the data-protection keys (sign-in cookies, form tokens) in the service's database, so that they survive a
/// restart whatever the service user's home folder, and travel with the database's backup.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes, TimeProvider time, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var elements = new List<XElement>();
        foreach (var key in db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToList())
        {
            try
            {
                elements.Add(XElement.Parse(key.Xml));
            }
            catch (System.Xml.XmlException ex)
            {
                // One damaged row must not stop the others from being read (nor the page from starting).
                logger.LogError(ex, "Data-protection key {Name} (row {Id}) cannot be read; skipped", key.FriendlyName, key.Id);
            }
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            StoredAt = time.GetUtcNow(),
        });
        db.SaveChanges();
        logger.LogInformation("New data-protection key {Name} stored in the database", friendlyName);
    }
}

/// <summary>Points data protection at <see cref="DatabaseKeyRepository"/>.</summary>
internal sealed class DatabaseKeyRepositorySetup(IServiceScopeFactory scopes, TimeProvider time, ILoggerFactory loggers) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = new DatabaseKeyRepository(scopes, time, loggers.CreateLogger<DatabaseKeyRepository>());
}
