using System.Net;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;

namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="IpQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IIpQueries
{
    Task<IpSummaryView?> SummaryAsync(IPAddress ip, CancellationToken ct = default);

    Task<List<DayCount>> PerDayAsync(IPAddress ip, CancellationToken ct = default);

    /// <summary>
    /// Usernames tried, recipients probed (user_unknown keeps the address in its argument) and host names
    /// given, the top <paramref name="limit"/> of each (host names: 20), from one read of the sample.
    /// </summary>
    Task<IpSample> SampleAsync(IPAddress ip, int limit, CancellationToken ct = default);

    /// <summary>Other attackers in the same /24 (IPv6: /64); <c>&lt;&lt;</c> on inet is served by the primary key.</summary>
    Task<List<NeighbourRow>> NeighboursAsync(IPAddress ip, CancellationToken ct = default);

    /// <summary>One page of the IP's events, newest first.</summary>
    Task<List<RawLine>> LinesAsync(IPAddress ip, int page, int pageSize, CancellationToken ct = default);

    /// <summary>Every block entry that covers the IP, newest first, in any state.</summary>
    Task<List<BlockView>> BlocksAsync(IPAddress ip, CancellationToken ct = default);

    Task<Collateral> CollateralAsync(Cidr network, CancellationToken ct = default);
}
