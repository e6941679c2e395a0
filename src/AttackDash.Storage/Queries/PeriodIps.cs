using AttackDash.Storage.Ingest;

namespace AttackDash.Storage.Queries;

/// <summary>
/// The attack events of each non-local IP in a period, exactly, as SQL for a CTE with the columns
/// (ip, events, then the requested ip_summary columns, which the SQL names <c>s.</c>).
/// </summary>
/// <remarks>
/// Summing a year of rollup rows is a cost per IP: at a provider's 600,000 IPs it was 1.5M rows and about
/// a second for every ranking and count. Most of those IPs live a day or two, so for long periods the sum
/// is split: an IP whose whole life (ip_summary's first and last seen, written in the same transaction as
/// the rollups) lies inside the period has all its attack events in it, and its total is
/// ip_summary.attack_events. Only IPs whose life crosses an end of the period are summed from the rollup.
/// A short period has few rollup rows, and there the direct sum is cheaper than visiting ip_summary rows
/// at random. Parameters: the period's @from and @to (<see cref="RollupPeriod.Parameters"/>) and its
/// @start and @end (<see cref="RollupPeriod.Ends"/>), each with the same prefix.
/// </remarks>
internal static class PeriodIps
{
    private static readonly TimeSpan Short = TimeSpan.FromDays(31);

    /// <param name="columns">ip_summary columns to carry, e.g. <c>s.country_code, s.asn</c>.</param>
    /// <param name="insideTail">ORDER BY and LIMIT for the IPs inside the period, when only the top few of them can matter.</param>
    /// <param name="kind">SQL for one attack kind to count instead of all (e.g. <c>@kind</c>). ip_summary's
    /// lifetime total counts every attack kind, so one kind is always summed from the rollup.</param>
    public static string Sql(RollupPeriod p, string columns = "", string insideTail = "", string prefix = "", string? kind = null)
    {
        var (from, to, start, end) = ($"@{prefix}from", $"@{prefix}to", $"@{prefix}start", $"@{prefix}end");
        var cols = columns.Length == 0 ? "" : ", " + columns;
        var rollup = $"JOIN {p.Table} d ON d.ip = s.ip AND d.{p.Column} >= {from} AND d.{p.Column} < {to} AND d.kind IN {EventKindSql.AttackKinds}";
        if (p.To - p.From <= Short || kind is not null)
        {
            // Summed before ip_summary is joined, and joined row by row (OFFSET 0 keeps the planner from
            // flattening the lateral join): otherwise it hashes all 600,000 rows of ip_summary, 375 ms against 57.
            var sum = $"SELECT r.ip, sum(r.events) AS events FROM {p.Table} r WHERE r.{p.Column} >= {from} AND r.{p.Column} < {to} AND r.kind IN {EventKindSql.AttackKinds}"
                + (kind is null ? "" : $" AND r.kind = {kind}");
            return cols.Length == 0
                ? $"{sum} AND {LocalSql.NotLocal("r.ip")} GROUP BY r.ip"
                : $"SELECT s.ip, d.events{cols} FROM ({sum} GROUP BY r.ip) d CROSS JOIN LATERAL (SELECT * FROM ip_summary s WHERE s.ip = d.ip AND NOT s.local OFFSET 0) s";
        }
        return $"""
            (SELECT s.ip, s.attack_events AS events{cols} FROM ip_summary s
             WHERE s.first_seen >= {start} AND s.last_seen < {end} AND s.attack_events > 0 AND NOT s.local {insideTail})
            UNION ALL
            (SELECT s.ip, sum(d.events) AS events{cols} FROM ip_summary s {rollup}
             WHERE s.last_seen >= {start} AND s.first_seen < {end} AND (s.first_seen < {start} OR s.last_seen >= {end}) AND NOT s.local
             GROUP BY s.ip)
            """;
    }
}
