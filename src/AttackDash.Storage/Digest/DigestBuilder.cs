using System.Globalization;
using System.Text;
using AttackDash.Core.Events;
using AttackDash.Core.Reports;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Ingest;
using Npgsql;

namespace AttackDash.Storage.Digest;

/// <summary>The weekly digest: the week against the one before, the new heavy hitters, any possible compromise, and the link to the review.</summary>
public sealed class DigestBuilder(NpgsqlDataSource dataSource, DigestOptions options)
{
    public async Task<string> BuildAsync(ReviewView review, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var week = review.WeekStart;
        var (events, ips) = await WeekAsync(conn, week, ct);
        var (prevEvents, prevIps) = await WeekAsync(conn, week.AddDays(-7), ct);
        var compromises = await CompromisesAsync(conn, week, ct);
        var c = CultureInfo.InvariantCulture;
        var body = new StringBuilder();
        body.AppendLine(c, $"AttackDash, week of {week:yyyy-MM-dd}");
        body.AppendLine();
        body.AppendLine(c, $"Attack events: {events:#,0} ({Trend.Change(events, prevEvents)} against the week before)");
        body.AppendLine(c, $"Attacker IPs:  {ips:#,0} ({Trend.Change(ips, prevIps)})");
        body.AppendLine();
        var fresh = review.Items.Where(i => i.PreviousWeekEvents == 0).OrderByDescending(i => i.Events).ToList();
        body.AppendLine(c, $"Offenders to review: {review.Items.Count:#,0}, of them new this week: {fresh.Count:#,0}");
        foreach (var i in fresh.Take(15))
            body.AppendLine(c, $"  {i.Ip,-40} {i.Events,8:#,0}  {i.CountryCode ?? "-",-2}  {i.Kinds}");
        body.AppendLine();
        body.AppendLine(compromises.Count == 0
            ? "Possible compromises: none (no successful login or accepted mail from an attacking IP)."
            : $"POSSIBLE COMPROMISES: {compromises.Count}");
        foreach (var line in compromises.Take(20))
            body.AppendLine(c, $"  {line}");
        body.AppendLine();
        body.AppendLine(options.DashboardUrl is { } url ? $"Review: {url.TrimEnd('/')}/review/{review.Id}" : $"Review: attackdash review show (review {review.Id})");
        var subject = compromises.Count > 0
            ? $"AttackDash: {compromises.Count} possible compromise(s), {review.Items.Count} offenders to review"
            : $"AttackDash: {events:#,0} attacks, {review.Items.Count} offenders to review";
        return Message(subject, body.ToString(), now);
    }

    private string Message(string subject, string body, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("From: ").Append(options.From).Append("\r\n");
        sb.Append("To: ").Append(string.Join(", ", options.To)).Append("\r\n");
        sb.Append("Subject: ").Append(subject).Append("\r\n");
        sb.Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1)).Append("\r\n");
        sb.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        sb.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        return sb.ToString();
    }

    private static async Task<(long Events, long Ips)> WeekAsync(NpgsqlConnection conn, DateOnly week, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT coalesce(sum(events), 0), count(DISTINCT ip) FROM daily_ip_kind WHERE day >= @f AND day < @t AND kind IN {EventKindSql.AttackKinds} AND {LocalSql.NotLocal("daily_ip_kind.ip")}", conn);
        cmd.Parameters.AddWithValue("f", week);
        cmd.Parameters.AddWithValue("t", week.AddDays(7));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static async Task<List<string>> CompromisesAsync(NpgsqlConnection conn, DateOnly week, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT host(d.ip), d.kind, sum(d.events) FROM daily_ip_kind d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.day >= @f AND d.day < @t AND d.kind IN {EventKindSql.SuccessKinds} AND s.attack_events > 0 AND NOT s.local
            GROUP BY 1, 2 ORDER BY 3 DESC
            """, conn);
        cmd.Parameters.AddWithValue("f", week);
        cmd.Parameters.AddWithValue("t", week.AddDays(7));
        var lines = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{r.GetString(0),-40} {((EventKind)r.GetInt16(1)).Name(),-17} {r.GetInt64(2):#,0}"));
        return lines;
    }
}
