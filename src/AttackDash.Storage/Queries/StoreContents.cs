using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Queries;

/// <summary>What the store holds as a whole: whether anything was ingested, and a number that changes whenever it does.</summary>
public sealed class StoreContents(NpgsqlDataSource dataSource)
{
    /// <summary>Whether any log line was ingested: an empty store gets the demo year, and no review.</summary>
    public async Task<bool> HasEventsAsync(CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        return await db.IngestSources.AnyAsync(s => s.LinesDone > 0, ct);
    }

    /// <summary>
    /// Grows with every line ingested by any worker (here or on the mail hosts) and every audit record
    /// (blocks, reviews): one cheap query that tells open pages to refresh.
    /// </summary>
    public async Task<long> VersionAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT (SELECT coalesce(sum(lines_done), 0) FROM ingest_sources) + (SELECT coalesce(max(id), 0) FROM audit_log) + (SELECT coalesce(max(id), 0) FROM alerts)");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many raw events are stored.</summary>
    public async Task<long> EventCountAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM events");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The UTC day after the newest stored hour; today when nothing is stored.</summary>
    public async Task<DateOnly> DayAfterNewestAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT max(hour) FROM hourly_kind");
        var newest = await cmd.ExecuteScalarAsync(ct) is DateTime t ? t : DateTime.UtcNow;
        return DateOnly.FromDateTime(newest).AddDays(1);
    }
}
