using System.Net;
using AttackDash.Core.Analysis;
using AttackDash.Core.Events;
using AttackDash.Core.Net;
using Npgsql;

namespace AttackDash.Storage.Queries;

/// <summary>
/// Does blocking work? Replays the stored history through <see cref="Backtester"/>. The daily rollup
/// holds the exact count of real events per day, IP and kind, and weeks are whole days, so this gives
/// what <c>attackdash backtest</c> gives on the logs, reading a few rows per IP and day instead of every event.
/// </summary>
public sealed class BacktestQueries(NpgsqlDataSource dataSource) : IBacktestQueries
{
    /// <inheritdoc/>
    public async Task<List<BacktestResult>> RunAsync(IReadOnlyList<BlockPolicy> policies, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var first = new NpgsqlCommand("SELECT min(day)::timestamp FROM daily_ip_kind", conn);
        var backtester = await first.ExecuteScalarAsync(ct) is DateTime start ? new Backtester(new DateTimeOffset(start, TimeSpan.Zero)) : new Backtester();
        // Read in the table's own order, the first week given: sorting 1.6M rows by day cost more than the replay.
        await using (var cmd = new NpgsqlCommand("SELECT day, kind, ip, events FROM daily_ip_kind", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var day = new DateTimeOffset(reader.GetDateTime(0).Date, TimeSpan.Zero);
                backtester.Add(day, (EventKind)reader.GetInt16(1), IpAddress128.From(reader.GetFieldValue<IPAddress>(2)), reader.GetInt64(3));
            }
        }
        return [.. policies.Select(backtester.Run)];
    }
}
