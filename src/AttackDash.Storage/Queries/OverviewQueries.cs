using System.Net;
using AttackDash.Core.Events;
using AttackDash.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

/// <summary>Attacker IPs of a period split by whether the store had ever seen them before it.</summary>
public sealed record NewVsReturning(long New, long Returning);

public sealed record InjectionRow(DateTimeOffset Time, IPAddress Ip, string? Payload, string MtaHost);

/// <summary>An IP that logged in or had mail accepted in the period, and that attacked at some time.</summary>
public sealed record CompromiseRow(IPAddress Ip, long Logins, long Accepted, long AttackEvents, DateTimeOffset LastSeen, string? CountryCode);

/// <summary>A local client (loopback, allowlist) of the period: its events, which never rank it as an offender.</summary>
public sealed record LocalClientRow(IPAddress Ip, long Events, long AttackEvents, DateTimeOffset LastSeen);

/// <summary>The overview's panels beyond the period totals: new against returning IPs, injections, possible compromises.</summary>
public sealed class OverviewQueries(NpgsqlDataSource dataSource) : IOverviewQueries
{
    private static readonly string Attack = EventKindSql.AttackKinds;
    private static readonly string Success = EventKindSql.SuccessKinds;

    /// <inheritdoc/>
    public async Task<NewVsReturning> NewVsReturningAsync(RollupPeriod p, CancellationToken ct = default)
    {
        var rows = await Sql.ListAsync(dataSource, $"""
            WITH o AS ({PeriodIps.Sql(p, "s.first_seen")})
            SELECT count(*) FILTER (WHERE first_seen >= @start), count(*) FILTER (WHERE first_seen < @start) FROM o
            """, [.. p.Parameters(), .. p.Ends()],
            r => new NewVsReturning(r.GetInt64(0), r.GetInt64(1)), ct);
        return rows[0];
    }

    /// <inheritdoc/>
    public Task<List<InjectionRow>> LatestInjectionsAsync(RollupPeriod p, int limit, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT e.time, e.client_ip, e.argument, e.mta_host
            FROM (SELECT {p.Column} AS b, ip FROM {p.Table} WHERE {p.Column} >= @from AND {p.Column} < @to AND kind = {(int)EventKind.Injection}
                    AND {LocalSql.NotLocal($"{p.Table}.ip")}
                  ORDER BY {p.Column} DESC LIMIT {limit}) d
            CROSS JOIN LATERAL (
                SELECT time, client_ip, argument, mta_host FROM events
                WHERE client_ip = d.ip AND time >= {p.BucketStart("d.b")} AND time < {p.BucketEnd("d.b")}
                  AND kind = {(int)EventKind.Injection}
                ORDER BY time DESC LIMIT {limit}) e
            ORDER BY e.time DESC LIMIT {limit}
            """, p.Parameters(), r => new InjectionRow(r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<IPAddress>(1), r.Text(2), r.GetString(3)), ct);

    /// <inheritdoc/>
    public Task<List<CompromiseRow>> CompromisesAsync(RollupPeriod p, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT d.ip, coalesce(sum(d.events) FILTER (WHERE d.kind = {(int)EventKind.AuthSuccess}), 0),
                   coalesce(sum(d.events) FILTER (WHERE d.kind = {(int)EventKind.MessageAccepted}), 0),
                   s.attack_events, s.last_seen, s.country_code
            FROM {p.Table} d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.{p.Column} >= @from AND d.{p.Column} < @to AND d.kind IN {Success} AND s.attack_events > 0 AND NOT s.local
            GROUP BY d.ip, s.attack_events, s.last_seen, s.country_code
            ORDER BY 2 DESC, 3 DESC, d.ip LIMIT 100
            """, p.Parameters(), Map, ct);

    /// <inheritdoc/>
    public Task<List<LocalClientRow>> LocalClientsAsync(RollupPeriod p, int limit, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT d.ip, sum(d.events)::bigint, coalesce(sum(d.events) FILTER (WHERE d.kind IN {Attack}), 0)::bigint, s.last_seen
            FROM {p.Table} d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.{p.Column} >= @from AND d.{p.Column} < @to AND s.local
            GROUP BY d.ip, s.last_seen ORDER BY 2 DESC, d.ip LIMIT {limit}
            """, p.Parameters(), r => new LocalClientRow(r.GetFieldValue<IPAddress>(0), r.GetInt64(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3)), ct);

    private static CompromiseRow Map(NpgsqlDataReader r) =>
        new(r.GetFieldValue<IPAddress>(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetFieldValue<DateTimeOffset>(4), r.Text(5));
}
