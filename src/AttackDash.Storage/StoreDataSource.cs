using Npgsql;

namespace AttackDash.Storage;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> of a process. Every connection of the store comes
/// from it, so the settings each connection needs live here and nowhere else.
/// </summary>
public static class StoreDataSource
{
    public const string ApplicationName = "attackdash";

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // Rollup hours and days are UTC hours and days whatever the server's zone.
        settings.Timezone = "UTC";
        // Names our sessions in pg_stat_activity, unless the operator chose a name.
        settings.ApplicationName ??= ApplicationName;
        return builder.Build();
    }
}
