using System.Net;
using AttackDash.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

public sealed record OffenderRow(IPAddress Ip, long Events, string? CountryCode, long? Asn, string? AsOrganization);

/// <summary>Attack events and attacker IPs in a period and in the period of the same length before it.</summary>
public sealed record PeriodSummary(long Events, long Ips, long PreviousEvents, long PreviousIps);

/// <summary>What the offenders table is filtered and sorted by; null filters are off.</summary>
public sealed record OffenderFilter(RollupPeriod Period, long MinEvents = 1, short? Kind = null, string? CountryCode = null, long? Asn = null);

public enum OffenderSort
{
    Events,
    Ip,
    Country,
    LastSeen,
}

public sealed record OffenderListRow(IPAddress Ip, long Events, string? CountryCode, long? Asn, string? AsOrganization, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? BlockedBy);

public sealed record DayCount(DateOnly Day, short Kind, long Events);

public sealed record GroupCount(string? Key, string? Label, long Ips, long Events);

/// <summary>
/// The dashboard's heavy questions, answered from the rollups (never from raw events) so that a year
/// of data stays fast. Periods are [from, to) in UTC days.
/// </summary>
public sealed class DashboardQueries(NpgsqlDataSource dataSource) : IDashboardQueries
{
    private static readonly string Attack = EventKindSql.AttackKinds;

    /// <inheritdoc/>
    public Task<List<OffenderRow>> TopOffendersAsync(RollupPeriod p, int limit, CancellationToken ct = default) =>
        ListAsync($"""
            SELECT d.ip, sum(d.events) AS events, s.country_code, s.asn, s.as_organization
            FROM {p.Table} d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.{p.Column} >= @from AND d.{p.Column} < @to AND d.kind IN {Attack} AND NOT s.local
            GROUP BY d.ip, s.country_code, s.asn, s.as_organization
            ORDER BY events DESC, d.ip LIMIT {limit}
            """, p.Parameters(), r => new OffenderRow(r.GetFieldValue<IPAddress>(0), r.GetInt64(1),
                r.Text(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.Text(4)), ct);

    /// <inheritdoc/>
    public async Task<PeriodSummary> PeriodSummaryAsync(RollupPeriod p, CancellationToken ct = default)
    {
        var c = p.Column;
        var rows = await ListAsync($"""
            SELECT coalesce(sum(events) FILTER (WHERE {c} >= @from), 0), count(DISTINCT ip) FILTER (WHERE {c} >= @from),
                   coalesce(sum(events) FILTER (WHERE {c} < @from), 0), count(DISTINCT ip) FILTER (WHERE {c} < @from)
            FROM {p.Table} WHERE {c} >= @before_from AND {c} < @to AND kind IN {Attack} AND {LocalSql.NotLocal($"{p.Table}.ip")}
            """, [.. p.Parameters(), p.Previous.Parameters("before_")[0]],
            r => new PeriodSummary(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
        return rows[0];
    }

    /// <inheritdoc/>
    public async Task<(List<OffenderListRow> Rows, long Total)> OffendersPageAsync(OffenderFilter f, OffenderSort sort, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        var order = sort switch
        {
            OffenderSort.Ip => "o.ip",
            OffenderSort.Country => "s.country_code",
            OffenderSort.LastSeen => "s.last_seen",
            _ => "o.events",
        } + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", o.ip";
        var sql = $"""
            WITH o AS (
                SELECT d.ip, sum(d.events) AS events FROM {f.Period.Table} d
                WHERE d.{f.Period.Column} >= @from AND d.{f.Period.Column} < @to AND d.kind IN {Attack} AND (@kind::smallint IS NULL OR d.kind = @kind)
                GROUP BY d.ip HAVING sum(d.events) >= @min)
            SELECT o.ip, o.events, s.country_code, s.asn, s.as_organization, s.first_seen, s.last_seen,
                   (SELECT min(b.network) FROM blocks b WHERE b.state = 'Active' AND o.ip <<= b.network::cidr),
                   count(*) OVER ()
            FROM o JOIN ip_summary s ON s.ip = o.ip
            WHERE NOT s.local AND (@cc::text IS NULL OR s.country_code = @cc) AND (@asn::bigint IS NULL OR s.asn = @asn)
            ORDER BY {order} LIMIT {pageSize} OFFSET {page * pageSize}
            """;
        long total = 0;
        var rows = await ListAsync(sql,
            [.. f.Period.Parameters(), Sql.Param("min", NpgsqlDbType.Bigint, f.MinEvents), Sql.Param("kind", NpgsqlDbType.Smallint, f.Kind),
             Sql.Param("cc", NpgsqlDbType.Text, f.CountryCode), Sql.Param("asn", NpgsqlDbType.Bigint, f.Asn)],
            r =>
            {
                total = r.GetInt64(8);
                return new OffenderListRow(r.GetFieldValue<IPAddress>(0), r.GetInt64(1), r.Text(2),
                    r.IsDBNull(3) ? null : r.GetInt64(3), r.Text(4),
                    r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6), r.Text(7));
            }, ct);
        return (rows, total);
    }

    /// <inheritdoc/>
    public Task<List<GroupCount>> OffendersByCountryAsync(RollupPeriod p, CancellationToken ct = default) =>
        ListAsync($"""
            SELECT s.country_code, max(s.country), count(DISTINCT d.ip), sum(d.events)
            FROM {p.Table} d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.{p.Column} >= @from AND d.{p.Column} < @to AND d.kind IN {Attack} AND NOT s.local
            GROUP BY s.country_code ORDER BY 4 DESC
            """, p.Parameters(), Group, ct);

    /// <inheritdoc/>
    public Task<List<GroupCount>> OffendersByAsnAsync(RollupPeriod p, CancellationToken ct = default) =>
        ListAsync($"""
            SELECT s.asn::text, max(s.as_organization), count(DISTINCT d.ip), sum(d.events)
            FROM {p.Table} d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.{p.Column} >= @from AND d.{p.Column} < @to AND d.kind IN {Attack} AND NOT s.local
            GROUP BY s.asn ORDER BY 4 DESC
            """, p.Parameters(), Group, ct);

    private static GroupCount Group(NpgsqlDataReader r) =>
        new(r.Text(0), r.Text(1), r.GetInt64(2), r.GetInt64(3));

    private Task<List<T>> ListAsync<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        Sql.ListAsync(dataSource, sql, parameters, map, ct);
}
