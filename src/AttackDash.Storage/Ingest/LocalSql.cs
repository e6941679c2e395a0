using AttackDash.Core.Analysis;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// Local clients in SQL, by the rule <c>analyze</c> uses (<see cref="AnalysisOptions.IsLocal"/>): loopback,
/// or inside an allowlist entry. ip_summary.local holds the answer per IP: it is set when the IP is first
/// stored and again for the IPs inside a network when that network joins the allowlist, so that pages
/// exclude local clients with one anti-join on a partial index instead of a range test per IP.
/// </summary>
internal static class LocalSql
{
    /// <summary>SQL that is true when the inet expression <paramref name="ip"/> is a local client.</summary>
    public static string IsLocal(string ip) =>
        "(" + string.Join(" OR ", AnalysisOptions.Loopback.Select(c => $"{ip} <<= inet '{c}'"))
        + $" OR EXISTS (SELECT 1 FROM allowlist a WHERE {ip} <<= a.network::cidr))";

    /// <summary>
    /// SQL that is true when <paramref name="ip"/> is not a stored local client, for tables other than
    /// ip_summary. Qualify the column (<c>daily_ip_kind.ip</c>): a bare <c>ip</c> would name the subquery's own.
    /// </summary>
    public static string NotLocal(string ip) => $"NOT EXISTS (SELECT 1 FROM ip_summary l WHERE l.local AND l.ip = {ip})";

    /// <summary>Recomputes the flag of every stored IP inside @net, after an allowlist change.</summary>
    public static string Refresh { get; } = $"UPDATE ip_summary SET local = {IsLocal("ip")} WHERE ip <<= @net::cidr";
}
