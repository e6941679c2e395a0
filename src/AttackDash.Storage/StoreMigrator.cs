using Microsoft.EntityFrameworkCore;

namespace AttackDash.Storage;

public static class StoreMigrator
{
    /// <summary>Applies every pending migration; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var db = new AttackDashDbContext(AttackDashDbContext.Options(connectionString));
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }
}
