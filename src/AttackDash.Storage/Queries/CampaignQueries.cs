using System.Net;
using AttackDash.Core.Analysis;
using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Ingest;
using Npgsql;

namespace AttackDash.Storage.Queries;

/// <summary>A campaign as the dashboard lists it: its IPs and the countries they are in.</summary>
public sealed record CampaignRow(string Username, DateTimeOffset First, DateTimeOffset Last, long Attempts, IReadOnlyList<IPAddress> Ips, IReadOnlyList<string> Countries);

/// <summary>
/// Campaigns over stored events, by the same rule as <c>analyze</c>: the period's AUTH failures stream in
/// time order (the BRIN index on time reads only the period's blocks) through <see cref="CampaignSearch"/>.
/// </summary>
public sealed class CampaignQueries(NpgsqlDataSource dataSource) : ICampaignQueries
{
    /// <inheritdoc/>
    public async Task<List<CampaignRow>> FindAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan window, int minIps, CancellationToken ct = default)
    {
        var search = new CampaignSearch(window, minIps);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            await using var cmd = new NpgsqlCommand($"""
                SELECT username, client_ip, time FROM events
                WHERE kind = {(int)EventKind.AuthFailure} AND time >= @from AND time < @to AND username IS NOT NULL AND client_ip IS NOT NULL
                  AND {LocalSql.NotLocal("events.client_ip")}
                ORDER BY time
                """, conn);
            cmd.Parameters.AddWithValue("from", from.ToUniversalTime());
            cmd.Parameters.AddWithValue("to", to.ToUniversalTime());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var user = reader.GetString(0);
                // Botnets repeat a few usernames thousands of times: keep one string each.
                if (!names.TryGetValue(user, out var interned))
                    names[user] = interned = user;
                search.Add(interned, IpAddress128.From(reader.GetFieldValue<IPAddress>(1)), reader.GetFieldValue<DateTimeOffset>(2));
            }
        }
        var found = search.Complete();
        var countries = await CountriesAsync(found.SelectMany(c => c.Ips).Distinct().Select(i => i.ToIPAddress()).ToArray(), ct);
        return [.. found.OrderByDescending(c => c.Campaign.First).Select(c => new CampaignRow(
            c.Campaign.Username, c.Campaign.First, c.Campaign.Last, c.Campaign.Attempts,
            [.. c.Ips.Select(i => i.ToIPAddress())],
            [.. c.Ips.Select(i => countries.GetValueOrDefault(i.ToIPAddress()) ?? "?").Distinct().Order(StringComparer.Ordinal)]))];
    }

    private async Task<Dictionary<IPAddress, string?>> CountriesAsync(IPAddress[] ips, CancellationToken ct)
    {
        var rows = await Sql.ListAsync(dataSource, "SELECT ip, country_code FROM ip_summary WHERE ip = ANY(@ips)",
            [new NpgsqlParameter("ips", ips)], r => (Ip: r.GetFieldValue<IPAddress>(0), Country: r.Text(1)), ct);
        return rows.ToDictionary(r => r.Ip, r => r.Country);
    }
}
