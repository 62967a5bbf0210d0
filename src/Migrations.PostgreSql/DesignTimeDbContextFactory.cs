using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hromada.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project src/Migrations.PostgreSql</c> build the PostgreSQL model without
/// a server or the host (no connection is opened to add a migration).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HromadaDbContext>
{
    public HromadaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HromadaDbContext>()
            .UseNpgsql("Host=localhost;Database=hromada_design", o => o.MigrationsAssembly(StorageExtensions.PostgreSqlMigrationsAssembly))
            .Options);
}
