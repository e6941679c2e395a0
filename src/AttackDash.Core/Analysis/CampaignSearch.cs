using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>A campaign with the IPs it came from, for pages that list them.</summary>
public sealed record CampaignDetail(Campaign Campaign, IReadOnlyList<IpAddress128> Ips);

/// <summary>
/// The campaign rule of <c>analyze</c> (one username from at least <c>minIps</c> IPs within
/// <c>window</c>) for callers that hold attempts elsewhere, such as the store. Attempts must come in time order.
/// </summary>
public sealed class CampaignSearch(TimeSpan window, int minIps)
{
    private readonly CampaignDetector _detector = new(window, minIps);

    public void Add(string username, IpAddress128 ip, DateTimeOffset time) => _detector.Add(username, ip, time);

    public List<CampaignDetail> Complete() =>
        [.. _detector.CompleteWithIps().Select(c => new CampaignDetail(c.Campaign, [.. c.Ips.Order()]))];
}
