using System.Net;
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
    /// <inheritdoc/>
    public Task<List<OffenderRow>> TopOffendersAsync(RollupPeriod p, int limit, CancellationToken ct = default) =>
        ListAsync($"""
            WITH o AS ({PeriodIps.Sql(p, "s.country_code, s.asn, s.as_organization", $"ORDER BY s.attack_events DESC, s.ip LIMIT {limit}")})
            SELECT ip, events, country_code, asn, as_organization FROM o ORDER BY events DESC, ip LIMIT {limit}
            """, [.. p.Parameters(), .. p.Ends()], r => new OffenderRow(r.GetFieldValue<IPAddress>(0), r.GetInt64(1),
                r.Text(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.Text(4)), ct);

    /// <inheritdoc/>
    public async Task<PeriodSummary> PeriodSummaryAsync(RollupPeriod p, CancellationToken ct = default)
    {
        var rows = await ListAsync($"""
            WITH now AS ({PeriodIps.Sql(p)}), before AS ({PeriodIps.Sql(p.Previous, prefix: "before_")})
            SELECT (SELECT coalesce(sum(events), 0) FROM now), (SELECT count(*) FROM now),
                   (SELECT coalesce(sum(events), 0) FROM before), (SELECT count(*) FROM before)
            """, [.. p.Parameters(), .. p.Ends(), .. p.Previous.Parameters("before_"), .. p.Previous.Ends("before_")],
            r => new PeriodSummary(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
        return rows[0];
    }

    /// <inheritdoc/>
    public async Task<(List<OffenderListRow> Rows, long Total)> OffendersPageAsync(OffenderFilter f, OffenderSort sort, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        var order = sort switch
        {
            OffenderSort.Ip => "o.ip",
            OffenderSort.Country => "o.country_code",
            OffenderSort.LastSeen => "o.last_seen",
            _ => "o.events",
        } + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", o.ip";
        var o = PeriodIps.Sql(f.Period, "s.country_code, s.asn, s.as_organization, s.first_seen, s.last_seen", kind: f.Kind is null ? null : "@kind");
        var sql = $"""
            WITH o AS ({o}), page AS (
                SELECT o.*, count(*) OVER () AS total FROM o
                WHERE o.events >= @min AND (@cc::text IS NULL OR o.country_code = @cc) AND (@asn::bigint IS NULL OR o.asn = @asn)
                ORDER BY {order} LIMIT {pageSize} OFFSET {page * pageSize})
            SELECT o.ip, o.events, o.country_code, o.asn, o.as_organization, o.first_seen, o.last_seen,
                   (SELECT min(b.network) FROM blocks b WHERE b.state = 'Active' AND o.ip <<= b.network::cidr), o.total
            FROM page o ORDER BY {order}
            """;
        long total = 0;
        var rows = await ListAsync(sql,
            [.. f.Period.Parameters(), .. f.Period.Ends(), Sql.Param("min", NpgsqlDbType.Bigint, f.MinEvents), Sql.Param("kind", NpgsqlDbType.Smallint, f.Kind),
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
            WITH o AS ({PeriodIps.Sql(p, "s.country_code, s.country")})
            SELECT country_code, max(country), count(*), sum(events) FROM o GROUP BY country_code ORDER BY 4 DESC
            """, [.. p.Parameters(), .. p.Ends()], Group, ct);

    /// <inheritdoc/>
    public Task<List<GroupCount>> OffendersByAsnAsync(RollupPeriod p, CancellationToken ct = default) =>
        ListAsync($"""
            WITH o AS ({PeriodIps.Sql(p, "s.asn, s.as_organization")})
            SELECT asn::text, max(as_organization), count(*), sum(events) FROM o GROUP BY asn ORDER BY 4 DESC
            """, [.. p.Parameters(), .. p.Ends()], Group, ct);

    private static GroupCount Group(NpgsqlDataReader r) =>
        new(r.Text(0), r.Text(1), r.GetInt64(2), r.GetInt64(3));

    private Task<List<T>> ListAsync<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        Sql.ListAsync(dataSource, sql, parameters, map, ct);
}
