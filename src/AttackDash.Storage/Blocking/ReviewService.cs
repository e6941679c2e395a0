using System.Globalization;
using System.Net;
using AttackDash.Core.Blocking;
using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;
using AttackDash.Storage.Ingest;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>Who goes into a weekly review: at least <see cref="MinEvents"/> attack events in the week, or any injection attempt.</summary>
public sealed record ReviewPolicy(int MinEvents = 100, bool AnyInjection = true);

/// <summary>
/// The weekly offender review: opened once per week (Monday to Monday, UTC) with the offenders over
/// the policy that are neither blocked nor allowed, each with its kinds, trend, network and collateral;
/// an admin then blocks each as /32 or /24, or rejects it. Reviews and decisions are kept.
/// </summary>
public sealed class ReviewService(NpgsqlDataSource dataSource, ReviewPolicy? policy = null, TimeProvider? clock = null) : IReviewService
{
    private readonly ReviewPolicy _policy = policy ?? new ReviewPolicy();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static DateOnly WeekStartOf(DateTimeOffset t)
    {
        var day = DateOnly.FromDateTime(t.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <inheritdoc/>
    public async Task<bool> IsOpenAsync(DateOnly day, CancellationToken ct = default)
    {
        var weekStart = WeekStartOf(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var db = Open();
        return await db.Reviews.AnyAsync(r => r.WeekStart == weekStart, ct);
    }

    /// <inheritdoc/>
    public async Task<ReviewView> OpenAsync(DateOnly day, CancellationToken ct = default)
    {
        var weekStart = WeekStartOf(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var db = Open();
        if (await db.Reviews.Include(r => r.Items).SingleOrDefaultAsync(r => r.WeekStart == weekStart, ct) is { } existing)
            return ReviewView.Of(existing);
        var excluded = await ExcludedAsync(db, ct);
        var review = new ReviewRow { WeekStart = weekStart, OpenedAt = _clock.GetUtcNow() };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        foreach (var item in await CandidatesAsync(conn, weekStart, ct))
        {
            var ip = IpAddress128.Parse(item.Ip);
            if (excluded.Any(n => n.Contains(ip)))
                continue;
            (item.CollateralMessages, item.CollateralLogins) = await CollateralAsync(conn, ip, weekStart, ct);
            review.Items.Add(item);
        }
        db.Reviews.Add(review);
        db.AuditLog.Add(new AuditRow { At = review.OpenedAt, Actor = "system", Action = "review-open", Target = $"week {weekStart:yyyy-MM-dd}", Reason = $"{review.Items.Count} offenders" });
        await db.SaveChangesAsync(ct);
        return ReviewView.Of(review);
    }

    /// <inheritdoc/>
    public async Task<ReviewView?> LatestAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        var latest = await db.Reviews.AsNoTracking().Include(r => r.Items).OrderByDescending(r => r.WeekStart).FirstOrDefaultAsync(ct);
        return latest is null ? null : ReviewView.Of(latest);
    }

    private static async Task<List<Cidr>> ExcludedAsync(AttackDashDbContext db, CancellationToken ct)
    {
        var active = await db.Blocks.Where(b => b.State == nameof(BlockState.Active)).Select(b => b.Network).ToListAsync(ct);
        var allowed = await db.Allowlist.Select(a => a.Network).ToListAsync(ct);
        return [.. active.Concat(allowed).Select(Cidr.Parse), .. Allowlist.Reserved];
    }

    private async Task<List<ReviewItemRow>> CandidatesAsync(NpgsqlConnection conn, DateOnly weekStart, CancellationToken ct)
    {
        var injection = (int)EventKind.Injection;
        await using var cmd = new NpgsqlCommand($"""
            WITH week AS (
                SELECT ip, kind, sum(events) AS n FROM daily_ip_kind
                WHERE day >= @from AND day < @to AND kind IN {EventKindSql.AttackKinds} GROUP BY ip, kind),
            totals AS (
                SELECT ip, sum(n) AS events, coalesce(sum(n) FILTER (WHERE kind = {injection}), 0) AS injections,
                       string_agg(kind::text || '=' || n::text, ' ' ORDER BY n DESC) AS kinds
                FROM week GROUP BY ip),
            prev AS (
                SELECT ip, sum(events) AS events FROM daily_ip_kind
                WHERE day >= @prev AND day < @from AND kind IN {EventKindSql.AttackKinds} GROUP BY ip)
            SELECT t.ip, t.events, coalesce(p.events, 0), t.injections, t.kinds, s.country_code, s.asn, s.as_organization
            FROM totals t LEFT JOIN prev p ON p.ip = t.ip LEFT JOIN ip_summary s ON s.ip = t.ip
            WHERE t.events >= @min OR (@inj AND t.injections > 0)
            ORDER BY t.events DESC
            """, conn);
        cmd.Parameters.AddWithValue("from", weekStart);
        cmd.Parameters.AddWithValue("to", weekStart.AddDays(7));
        cmd.Parameters.AddWithValue("prev", weekStart.AddDays(-7));
        cmd.Parameters.AddWithValue("min", (long)_policy.MinEvents);
        cmd.Parameters.AddWithValue("inj", _policy.AnyInjection);
        var items = new List<ReviewItemRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(new ReviewItemRow
            {
                Ip = IpAddress128.From(r.GetFieldValue<IPAddress>(0)).ToString(), Events = r.GetInt64(1), PreviousWeekEvents = r.GetInt64(2),
                Injections = r.GetInt64(3), Kinds = KindNames(r.GetString(4)),
                CountryCode = r.IsDBNull(5) ? null : r.GetString(5), Asn = r.IsDBNull(6) ? null : r.GetInt64(6), AsOrganization = r.IsDBNull(7) ? null : r.GetString(7),
            });
        }
        return items;
    }

    /// <summary>Accepted messages and logins in the week from IPs of the same /24 (/64) that never attacked.</summary>
    private static async Task<(long Messages, long Logins)> CollateralAsync(NpgsqlConnection conn, IpAddress128 ip, DateOnly weekStart, CancellationToken ct)
    {
        var net = Cidr.Neighbourhood(ip);
        await using var cmd = new NpgsqlCommand($"""
            SELECT coalesce(sum(h.events) FILTER (WHERE h.kind = {(int)EventKind.MessageAccepted}), 0),
                   coalesce(sum(h.events) FILTER (WHERE h.kind = {(int)EventKind.AuthSuccess}), 0)
            FROM daily_ip_kind h JOIN ip_summary s ON s.ip = h.ip
            WHERE h.ip <<= @net::cidr AND h.day >= @from AND h.day < @to AND s.attack_events = 0
            """, conn);
        cmd.Parameters.AddWithValue("net", net.ToString());
        cmd.Parameters.AddWithValue("from", weekStart);
        cmd.Parameters.AddWithValue("to", weekStart.AddDays(7));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static string KindNames(string numeric) =>
        string.Join(' ', numeric.Split(' ').Select(p => p.Split('=')).Select(p => $"{((EventKind)short.Parse(p[0], CultureInfo.InvariantCulture)).Name()}={p[1]}"));

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);
}
