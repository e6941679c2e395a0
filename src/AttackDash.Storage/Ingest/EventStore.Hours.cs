using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// Per-IP hourly counts exist only for the last <see cref="Hosting.DatabaseOptions.HourlyRollupDays"/>
/// days: an import of old logs writes none, and followers leave behind hours that
/// <see cref="PruneHoursAsync"/> removes. An hour at the edge may be partly counted while the edge moves
/// during a long import; nothing reads hours that old.
/// </summary>
public sealed partial class EventStore
{
    /// <summary>The first hour that gets per-IP hourly counts.</summary>
    public DateTimeOffset HourlySince => _clock.GetUtcNow().AddDays(-_hourlyDays);

    /// <summary>Deletes per-IP hourly counts older than <see cref="HourlySince"/>, which followers leave behind as days pass.</summary>
    /// <returns>The rows deleted.</returns>
    public async Task<int> PruneHoursAsync(CancellationToken ct = default)
    {
        var conn = await ConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("DELETE FROM hourly_ip_kind WHERE hour < @since", conn);
        cmd.Parameters.AddWithValue("since", HourlySince.UtcDateTime);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
