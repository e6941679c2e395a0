using AttackDash.Core.Events;
using AttackDash.Storage.Ingest;

namespace AttackDash.Storage.Alerts;

/// <summary>
/// The statements that raise alerts, each an INSERT … SELECT with its quiet check in the same statement.
/// Every one returns the rows it inserted as (id, raised_at, kind, ip, time, username, line, attacks).
/// </summary>
internal static class AlertSql
{
    private const string Into = "INSERT INTO alerts (raised_at, kind, ip, time, username, line, attacks, send_attempts)";
    private const string Returning = "RETURNING id, raised_at, kind, ip, time, username, line, attacks";
    private static readonly string NotLocal = LocalSql.NotLocal("e.client_ip");

    /// <summary>
    /// One username from at least @campaign_ips clients within the last ten minutes (the rule of
    /// <c>analyze</c>), once per username and quiet time. Runs first, so that a login with that
    /// username in the same round is already a possible compromise.
    /// </summary>
    public static readonly string Campaigns = $"""
        WITH c AS (
            SELECT e.username, count(DISTINCT e.client_ip) AS ips, count(*) AS n, max(e.time) AS time,
                   (array_agg(host(e.client_ip) ORDER BY e.time DESC))[1] AS ip
            FROM events e
            WHERE e.time >= @now - interval '10 minutes' AND e.kind = {(int)EventKind.AuthFailure} AND e.username IS NOT NULL
              AND e.client_ip IS NOT NULL AND {NotLocal}
            GROUP BY e.username HAVING count(DISTINCT e.client_ip) >= @campaign_ips)
        {Into}
        SELECT @now, '{AlertKinds.Campaign}', c.ip, c.time, c.username, format('%s AUTH failures for this username from %s clients in 10 minutes', c.n, c.ips), c.n, 0
        FROM c WHERE c.time >= @since
          AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.kind = '{AlertKinds.Campaign}' AND x.username = c.username AND x.time > c.time - @quiet)
        {Returning}
        """;

    /// <summary>
    /// The newest login or accepted message of each client since @since that attacked in the look-back,
    /// or that used a username a campaign tried in the look-back (credential stuffing that worked, often
    /// from a clean address); and each injection payload. The newest line carries the freshest evidence,
    /// and once alerted keeps the quiet check true for every line before it.
    /// </summary>
    public static readonly string Events = $"""
        WITH c AS (
            SELECT DISTINCT ON (a.kind, e.client_ip) a.kind, e.client_ip, e.time, e.username, e.detail
            FROM events e
            CROSS JOIN LATERAL (SELECT CASE WHEN e.kind = {(int)EventKind.Injection} THEN '{AlertKinds.Injection}' ELSE '{AlertKinds.PossibleCompromise}' END AS kind) a
            WHERE e.time >= @since AND e.kind = ANY(@kinds) AND e.client_ip IS NOT NULL AND {NotLocal}
            ORDER BY a.kind, e.client_ip, e.time DESC),
        h AS (
            SELECT c.*, host(c.client_ip) AS ip,
                   (SELECT coalesce(sum(d.events), 0) FROM daily_ip_kind d WHERE d.ip = c.client_ip AND d.kind IN {EventKindSql.AttackKinds}
                      AND d.day >= ((c.time - @look_back) AT TIME ZONE 'UTC')::date) AS attacks
            FROM c)
        {Into}
        SELECT @now, h.kind, h.ip, h.time, h.username, h.detail, h.attacks, 0 FROM h
        WHERE (h.kind = '{AlertKinds.Injection}' OR h.attacks > 0
               OR EXISTS (SELECT 1 FROM alerts k WHERE k.kind = '{AlertKinds.Campaign}' AND k.username = h.username AND k.time >= h.time - @look_back))
          AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.kind = h.kind AND x.ip = h.ip AND x.time > h.time - @quiet)
        {Returning}
        """;

    /// <summary>A client with at least @heavy attack events in the last 24 hours, still attacking since @since, the first time ever.</summary>
    public static readonly string HeavyHitters = $"""
        WITH c AS (
            SELECT e.client_ip, host(e.client_ip) AS ip, count(*) AS n, max(e.time) AS time
            FROM events e
            WHERE e.time >= @now - interval '24 hours' AND e.kind IN {EventKindSql.AttackKinds} AND e.client_ip IS NOT NULL AND {NotLocal}
            GROUP BY e.client_ip HAVING count(*) >= @heavy)
        {Into}
        SELECT @now, '{AlertKinds.HeavyHitter}', c.ip, c.time, NULL, format('%s attack events in 24 hours', c.n), c.n, 0
        FROM c WHERE c.time >= @since AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.kind = '{AlertKinds.HeavyHitter}' AND x.ip = c.ip)
        {Returning}
        """;
}
