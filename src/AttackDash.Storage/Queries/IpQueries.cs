using System.Net;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

public sealed record KindCount(short Kind, long Events);

public sealed record NameCount(string Name, long Events);

/// <summary>A client host name the logs gave for the IP, and how many of those lines flagged it "may be forged".</summary>
public sealed record HostnameCount(string Name, long Lines, long MayBeForged);

/// <summary>What blocking a network would stop (attacks) and refuse (legitimate activity from IPs that never attacked), over all stored time.</summary>
public sealed record Collateral(long AttackEvents, long AttackerIps, long AcceptedMessages, long Logins, long LegitimateIps);

/// <summary>What the IP's newest <see cref="IpQueries.Sample"/> events show: usernames tried, recipients probed, host names given.</summary>
public sealed record IpSample(IReadOnlyList<NameCount> Usernames, IReadOnlyList<NameCount> Recipients, IReadOnlyList<HostnameCount> Hostnames);

public sealed record NeighbourRow(IPAddress Ip, long AttackEvents, DateTimeOffset LastSeen);

/// <summary>One stored event shown as its log line: the MTA host, pid and sendmail's message text.</summary>
public sealed record RawLine(DateTimeOffset Time, short Kind, string MtaHost, int Pid, string Text);

/// <summary>
/// Everything about one IP. Raw events are read through the client_ip index within the hours that hold
/// the newest of them, so even an IP with millions of events answers quickly; the rollups have (ip, hour)
/// and (ip, day) indexes.
/// </summary>
public sealed class IpQueries(NpgsqlDataSource dataSource) : IIpQueries
{
    /// <summary>
    /// Usernames, recipients and host names come from the IP's newest this-many events: a heavy hitter
    /// has millions, and a few seconds of aggregation would only confirm what the newest ones show.
    /// </summary>
    public const int Sample = 50_000;

    private static readonly string Recent = $"""
        (SELECT username, argument, kind, client_host, may_be_forged FROM events
         WHERE client_ip = @ip AND time >= {NewestDaysStart(Sample)} ORDER BY time DESC LIMIT {Sample})
        """;

    /// <summary>
    /// The start of the newest days that hold the IP's newest <paramref name="events"/> events, read from
    /// the daily rollup (hourly counts are kept for recent days only). The events index is on the IP alone
    /// (a time column cost ingest 15%): this bound lets partition pruning skip all months but those days'.
    /// </summary>
    private static string NewestDaysStart(long events) => $"""
        (SELECT coalesce(min(day)::timestamp AT TIME ZONE 'UTC', '-infinity') FROM (
            SELECT day, sum(sum(events)) OVER (ORDER BY day DESC) - sum(events) AS before
            FROM daily_ip_kind WHERE ip = @ip GROUP BY day) d
         WHERE before < {events})
        """;

    /// <inheritdoc/>
    public async Task<IpSummaryView?> SummaryAsync(IPAddress ip, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var row = await db.IpSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.Ip == ip, ct);
        return row is null ? null : IpSummaryView.Of(row);
    }

    /// <inheritdoc/>
    public Task<List<DayCount>> PerDayAsync(IPAddress ip, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, "SELECT day, kind, events FROM daily_ip_kind WHERE ip = @ip ORDER BY day, kind",
            [Ip(ip)], r => new DayCount(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt16(1), r.GetInt64(2)), ct);

    /// <inheritdoc/>
    public async Task<IpSample> SampleAsync(IPAddress ip, int limit, CancellationToken ct = default)
    {
        var rows = await Sql.ListAsync(dataSource, $"""
            WITH e AS MATERIALIZED {Recent}
            (SELECT 0, username, count(*), 0::bigint, row_number() OVER (ORDER BY count(*) DESC, username)
             FROM e WHERE username IS NOT NULL GROUP BY 2 ORDER BY 5 LIMIT {limit})
            UNION ALL
            (SELECT 1, argument, count(*), 0::bigint, row_number() OVER (ORDER BY count(*) DESC, argument)
             FROM e WHERE kind = {(int)Core.Events.EventKind.UserUnknown} AND argument IS NOT NULL GROUP BY 2 ORDER BY 5 LIMIT {limit})
            UNION ALL
            (SELECT 2, client_host, count(*), count(*) FILTER (WHERE may_be_forged), row_number() OVER (ORDER BY count(*) DESC, client_host)
             FROM e WHERE client_host IS NOT NULL GROUP BY 2 ORDER BY 5 LIMIT 20)
            ORDER BY 1, 5
            """, [Ip(ip)], r => (List: r.GetInt32(0), Name: r.GetString(1), Count: r.GetInt64(2), Forged: r.GetInt64(3)), ct);
        List<NameCount> Names(int list) => [.. rows.Where(r => r.List == list).Select(r => new NameCount(r.Name, r.Count))];
        return new IpSample(Names(0), Names(1), [.. rows.Where(r => r.List == 2).Select(r => new HostnameCount(r.Name, r.Count, r.Forged))]);
    }

    /// <inheritdoc/>
    public Task<List<NeighbourRow>> NeighboursAsync(IPAddress ip, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, """
            SELECT ip, attack_events, last_seen FROM ip_summary
            WHERE ip << network(set_masklen(@ip, CASE WHEN family(@ip) = 4 THEN 24 ELSE 64 END)) AND ip <> @ip AND attack_events > 0 AND NOT local
            ORDER BY attack_events DESC, ip LIMIT 256
            """, [Ip(ip)], r => new NeighbourRow(r.GetFieldValue<IPAddress>(0), r.GetInt64(1), r.GetFieldValue<DateTimeOffset>(2)), ct);

    /// <inheritdoc/>
    public Task<List<RawLine>> LinesAsync(IPAddress ip, int page, int pageSize, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT time, kind, mta_host, pid, detail FROM events
            WHERE client_ip = @ip AND time >= {NewestDaysStart((long)(page + 1) * pageSize)}
            ORDER BY time DESC, source_id, line_number LIMIT {pageSize} OFFSET {page * pageSize}
            """, [Ip(ip)], r => new RawLine(r.GetFieldValue<DateTimeOffset>(0), r.GetInt16(1), r.GetString(2), r.GetInt32(3), r.GetString(4)), ct);

    /// <inheritdoc/>
    public async Task<List<BlockView>> BlocksAsync(IPAddress ip, CancellationToken ct = default)
    {
        var ids = await Sql.ListAsync(dataSource, "SELECT id FROM blocks WHERE @ip <<= network::cidr ORDER BY proposed_at DESC",
            [Ip(ip)], r => r.GetInt64(0), ct);
        await using var db = AttackDashDbContext.Create(dataSource);
        var rows = await db.Blocks.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(ct);
        return [.. rows.OrderByDescending(b => b.ProposedAt).Select(BlockView.Of)];
    }

    /// <inheritdoc/>
    public async Task<Collateral> CollateralAsync(Cidr network, CancellationToken ct = default)
    {
        var rows = await Sql.ListAsync(dataSource, $"""
            SELECT coalesce(sum(d.events) FILTER (WHERE d.kind IN {Ingest.EventKindSql.AttackKinds}), 0)::bigint,
                   count(DISTINCT d.ip) FILTER (WHERE d.kind IN {Ingest.EventKindSql.AttackKinds}),
                   coalesce(sum(d.events) FILTER (WHERE d.kind = {(int)Core.Events.EventKind.MessageAccepted} AND s.attack_events = 0), 0)::bigint,
                   coalesce(sum(d.events) FILTER (WHERE d.kind = {(int)Core.Events.EventKind.AuthSuccess} AND s.attack_events = 0), 0)::bigint,
                   count(DISTINCT d.ip) FILTER (WHERE d.kind IN {Ingest.EventKindSql.SuccessKinds} AND s.attack_events = 0)
            FROM daily_ip_kind d JOIN ip_summary s ON s.ip = d.ip WHERE d.ip <<= network(@net::inet)
            """, [Sql.Param("net", NpgsqlDbType.Text, network.ToString())], r => new Collateral(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), ct);
        return rows[0];
    }

    private static NpgsqlParameter Ip(IPAddress ip) => Sql.Param("ip", NpgsqlDbType.Inet, ip);
}

/// <summary>Everything known of one client IP: activity totals, and its location and network once looked up.</summary>
public sealed record IpSummaryView(
    IPAddress Ip, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long AttackEvents, long SuccessEvents, bool Local,
    string? CountryCode, string? Country, string? City, int? AccuracyRadiusKm, long? Asn, string? AsOrganization)
{
    internal static IpSummaryView Of(Entities.IpSummary s) => new(
        s.Ip, s.FirstSeen, s.LastSeen, s.AttackEvents, s.SuccessEvents, s.Local, s.CountryCode, s.Country, s.City, s.AccuracyRadiusKm, s.Asn, s.AsOrganization);
}
