using AttackDash.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

/// <summary>Events of one kind in one bucket (an hour or a UTC day) starting at <see cref="Start"/>.</summary>
public sealed record BucketCount(DateTimeOffset Start, short Kind, long Events);

public sealed record DayNewReturning(DateOnly Day, long New, long Returning);

/// <summary>How many IPs sent 1, 2, 3–9, 10–99 or 100+ attack events in the period, and their events.</summary>
public sealed record DistributionBucket(string Label, long Ips, long Events);

/// <summary>The timeline page: events per hour or day by kind over any range, new against returning IPs, and the distribution.</summary>
public sealed class TimelineQueries(NpgsqlDataSource dataSource) : ITimelineQueries
{
    private static readonly string Attack = EventKindSql.AttackKinds;

    /// <inheritdoc/>
    public Task<List<BucketCount>> EventsByKindAsync(RollupPeriod p, bool hourly, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT date_trunc('{(hourly ? "hour" : "day")}', hour, 'UTC') AS bucket, kind, sum(events)::bigint FROM hourly_kind
            WHERE hour >= @from AND hour < @to GROUP BY 1, 2 ORDER BY 1, 2
            """, [Sql.Param("from", NpgsqlDbType.TimestampTz, p.From), Sql.Param("to", NpgsqlDbType.TimestampTz, p.To)], r => new BucketCount(r.GetFieldValue<DateTimeOffset>(0), r.GetInt16(1), r.GetInt64(2)), ct);

    /// <inheritdoc/>
    public Task<List<DayNewReturning>> NewVsReturningPerDayAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            SELECT d.day, count(*) FILTER (WHERE s.first_seen >= d.day::timestamp AT TIME ZONE 'UTC'),
                          count(*) FILTER (WHERE s.first_seen < d.day::timestamp AT TIME ZONE 'UTC')
            FROM (SELECT DISTINCT day, ip FROM daily_ip_kind WHERE day >= @from AND day < @to AND kind IN {Attack}) d
            JOIN ip_summary s ON s.ip = d.ip WHERE NOT s.local
            GROUP BY d.day ORDER BY d.day
            """, RollupPeriod.Days(from, to).Parameters(), r => new DayNewReturning(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt64(1), r.GetInt64(2)), ct);

    /// <inheritdoc/>
    public async Task<List<DistributionBucket>> DistributionAsync(RollupPeriod p, CancellationToken ct = default)
    {
        var rows = await Sql.ListAsync(dataSource, $"""
            SELECT CASE WHEN n = 1 THEN 0 WHEN n = 2 THEN 1 WHEN n < 10 THEN 2 WHEN n < 100 THEN 3 ELSE 4 END AS b, count(*), sum(n)::bigint
            FROM (SELECT events AS n FROM ({PeriodIps.Sql(p)}) o) t
            GROUP BY 1
            """, [.. p.Parameters(), .. p.Ends()], r => (Bucket: r.GetInt32(0), Ips: r.GetInt64(1), Events: r.GetInt64(2)), ct);
        return DistributionLabels.Select((label, i) => rows.FirstOrDefault(r => r.Bucket == i) is { Ips: > 0 } r
            ? new DistributionBucket(label, r.Ips, r.Events) : new DistributionBucket(label, 0, 0)).ToList();
    }

    public static IReadOnlyList<string> DistributionLabels { get; } = ["1", "2", "3–9", "10–99", "100+"];
}
