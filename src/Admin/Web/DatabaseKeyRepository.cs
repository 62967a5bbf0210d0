using System.Xml.Linq;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web;

/// <summary>
/// Keeps the data-protection keys (sign-in cookies, form tokens) in the service's database, so that they survive a
/// restart whatever the service user's home folder, and travel with the database's backup: the package's repository
/// (<see cref="EntityFrameworkCoreXmlRepository{TContext}"/>), which stores a key as we stored it, except that reading
/// skips a damaged row. The package parses every row and throws at the first that is not XML, which would take every
/// page that signs in or checks a form token down with it; a damaged row is logged and the others still read.
/// </summary>
internal sealed class DatabaseKeyRepository : EntityFrameworkCoreXmlRepository<HromadaDbContext>
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;

    public DatabaseKeyRepository(IServiceProvider services, ILoggerFactory loggers) : base(services, loggers)
    {
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _logger = loggers.CreateLogger<DatabaseKeyRepository>();
    }

    public override IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var elements = new List<XElement>();
        foreach (var key in db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToList())
        {
            try
            {
                elements.Add(XElement.Parse(key.Xml ?? ""));
            }
            catch (System.Xml.XmlException ex)
            {
                // One damaged row must not stop the others from being read (nor the page from starting).
                _logger.LogError(ex, "Data-protection key {Name} (row {Id}) cannot be read; skipped", key.FriendlyName, key.Id);
            }
        }
        return elements;
    }
}

/// <summary>
/// The deliberate choice not to encrypt the keys inside the database: they are as safe as the database file, which
/// already holds the residents' personal data and must be readable only by the service's user (README, "Admin web").
/// Encrypting them with a secret kept on the same machine would add nothing; a certificate would be one more thing for
/// the administrator to renew, and losing it would sign everyone out for good. Stated once here, so a fresh start does
/// not log data protection's "No XML encryptor configured" warning, which the administrator could do nothing about.
/// The keys are stored as <see cref="NullXmlEncryptor"/> would store them (read back by <see cref="NullXmlDecryptor"/>),
/// only without its warning on every new key.
/// </summary>
internal sealed class DatabaseFileProtectsKeys(ILogger<DatabaseFileProtectsKeys> logger) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        logger.LogInformation("The new data-protection key is kept unencrypted in the database; the database file's permissions protect it");
        var wrapped = new XElement("unencryptedKey", new XComment(" Not encrypted: protected by the database file's permissions. "), new XElement(plaintextElement));
        return new EncryptedXmlInfo(wrapped, typeof(NullXmlDecryptor));
    }
}

/// <summary>Points data protection at <see cref="DatabaseKeyRepository"/>, its keys kept as <see cref="DatabaseFileProtectsKeys"/> says.</summary>
internal sealed class DatabaseKeyRepositorySetup(IServiceProvider services, ILoggerFactory loggers) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        options.XmlRepository = new DatabaseKeyRepository(services, loggers);
        options.XmlEncryptor = new DatabaseFileProtectsKeys(loggers.CreateLogger<DatabaseFileProtectsKeys>());
    }
}
