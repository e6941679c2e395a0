using AttackDash.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace AttackDash.Migrations;

/// <summary>For dotnet-ef only: migrations are generated without a live server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AttackDashDbContext>
{
    public AttackDashDbContext CreateDbContext(string[] args) =>
        AttackDashDbContext.Create(StoreDataSource.Create("Host=127.0.0.1;Database=attackdash_design"));
}
