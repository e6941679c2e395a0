using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage;

public static class StoreMigrator
{
    /// <summary>Applies every pending migration; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
