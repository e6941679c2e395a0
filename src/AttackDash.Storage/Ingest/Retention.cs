using System.Globalization;
using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// Drops whole monthly partitions of raw events once all their events are older than the cutoff. The
/// hourly rollups and per-IP summaries stay, so long-range charts keep their history.
/// </summary>
public static class Retention
{
    /// <returns>The partitions dropped.</returns>
    public static async Task<IReadOnlyList<string>> DropOlderThanAsync(NpgsqlDataSource dataSource, DateTimeOffset cutoff, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var partitions = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass", conn))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                partitions.Add(reader.GetString(0));
        }
        var dropped = new List<string>();
        foreach (var name in partitions.Order(StringComparer.Ordinal))
        {
            if (!TryMonth(name, out var month) || new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) > cutoff)
                continue;
            await using var drop = new NpgsqlCommand($"DROP TABLE {name}", conn);
            await drop.ExecuteNonQueryAsync(ct);
            dropped.Add(name);
        }
        return dropped;
    }

    private static bool TryMonth(string partition, out DateOnly month) =>
        DateOnly.TryParseExact(partition, "'events_'yyyy'_'MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
