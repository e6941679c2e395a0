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
        var backtester = new Backtester();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            await using var cmd = new NpgsqlCommand("SELECT day, kind, ip, events FROM daily_ip_kind ORDER BY day", conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var day = new DateTimeOffset(reader.GetDateTime(0).Date, TimeSpan.Zero);
                backtester.Add(day, (EventKind)reader.GetInt16(1), IpAddress128.From(reader.GetFieldValue<IPAddress>(2)), reader.GetInt64(3));
            }
        }
        return [.. policies.Select(backtester.Run)];
    }
}
