using System.Globalization;
using System.Text;
using AttackDash.Core.Events;
using AttackDash.Core.Reports;
using AttackDash.Storage.Blocking;

namespace AttackDash.Operations.Digest;

/// <summary>The weekly digest as one RFC 5322 message: the week against the one before, the new heavy hitters, any possible compromise, and the link to the review.</summary>
public static class DigestMessage
{
    public static string Compose(DigestOptions options, ReviewView review, DigestFacts week, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var body = new StringBuilder();
        body.AppendLine(c, $"AttackDash, week of {review.WeekStart:yyyy-MM-dd}");
        body.AppendLine();
        body.AppendLine(c, $"Attack events: {week.Events:#,0} ({Trend.Change(week.Events, week.PreviousEvents)} against the week before)");
        body.AppendLine(c, $"Attacker IPs:  {week.Ips:#,0} ({Trend.Change(week.Ips, week.PreviousIps)})");
        body.AppendLine();
        var fresh = review.Items.Where(i => i.PreviousWeekEvents == 0).OrderByDescending(i => i.Events).ToList();
        body.AppendLine(c, $"Offenders to review: {review.Items.Count:#,0}, of them new this week: {fresh.Count:#,0}");
        foreach (var i in fresh.Take(15))
            body.AppendLine(c, $"  {i.Ip,-40} {i.Events,8:#,0}  {i.CountryCode ?? "-",-2}  {i.Kinds}");
        body.AppendLine();
        var compromises = week.Compromises;
        body.AppendLine(compromises.Count == 0
            ? "Possible compromises: none (no successful login or accepted mail from an attacking IP)."
            : $"POSSIBLE COMPROMISES: {compromises.Count}");
        foreach (var x in compromises.Take(20))
            body.AppendLine(c, $"  {x.Ip,-40} {x.Kind.Name(),-17} {x.Events:#,0}");
        body.AppendLine();
        body.AppendLine(options.DashboardUrl is { } url ? $"Review: {url.TrimEnd('/')}/review/{review.Id}" : $"Review: attackdash review show (review {review.Id})");
        var subject = compromises.Count > 0
            ? $"AttackDash: {compromises.Count} possible compromise(s), {review.Items.Count} offenders to review"
            : $"AttackDash: {week.Events:#,0} attacks, {review.Items.Count} offenders to review";
        return Message(options, subject, body.ToString(), now);
    }

    private static string Message(DigestOptions options, string subject, string body, DateTimeOffset now) =>
        Message(options.From, options.To, subject, body, now);

    /// <summary>A plain-text RFC 5322 message; the alerts' mail uses it too. <paramref name="subject"/> must be one line of our own text.</summary>
    internal static string Message(string from, IEnumerable<string> to, string subject, string body, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("From: ").Append(from).Append("\r\n");
        sb.Append("To: ").Append(string.Join(", ", to)).Append("\r\n");
        sb.Append("Subject: ").Append(subject).Append("\r\n");
        sb.Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1)).Append("\r\n");
        sb.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        sb.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        return sb.ToString();
    }
}
