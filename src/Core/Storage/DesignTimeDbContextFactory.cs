using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hromada.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HromadaDbContext>
{
    public HromadaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HromadaDbContext>().UseSqlite("Data Source=design.db").Options);
}
