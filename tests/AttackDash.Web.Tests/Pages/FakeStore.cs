using System.Net;
using AttackDash.Core.Analysis;
using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;
using DistributionBucket = AttackDash.Storage.Queries.DistributionBucket;

namespace AttackDash.Web.Tests.Pages;

/// <summary>How every answer of the fake store comes back: with its data, never, or as a failure.</summary>
public enum StoreMode
{
    Data,
    Pending,
    Failing,
}

/// <summary>
/// The store as the pages see it, in memory: each answer is the data set on it (empty by default),
/// or never comes (loading), or fails (the database away), for all pages alike.
/// </summary>
public sealed partial class FakeStore : IDashboardQueries, IOverviewQueries, ITimelineQueries, ICampaignQueries, IGeoQueries, IIpQueries, IBacktestQueries, IOperationsQueries
{
    public StoreMode Mode { get; set; }

    /// <summary>What the admin pages changed, in order: "block 62.233.50.0/24", "approve 7", ...</summary>
    public List<string> Changes { get; } = [];

    public List<OffenderRow> Offenders { get; } = [];
    public List<OffenderListRow> OffenderList { get; } = [];
    public PeriodSummary Summary { get; set; } = new(0, 0, 0, 0);
    public List<GroupCount> Countries { get; } = [];
    public List<GroupCount> Networks { get; } = [];
    public NewVsReturning NewVsReturning { get; set; } = new(0, 0);
    public List<InjectionRow> Injections { get; } = [];
    public List<CompromiseRow> Compromises { get; } = [];
    public List<LocalClientRow> LocalClients { get; } = [];
    public List<BucketCount> Buckets { get; } = [];
    public List<DayNewReturning> NewPerDay { get; } = [];
    public List<DistributionBucket> Distribution { get; } = [];
    public List<CampaignRow> Campaigns { get; } = [];
    public List<MapPoint> MapPoints { get; } = [];
    public IpSummaryView? IpSummary { get; set; }
    public List<DayCount> IpDays { get; } = [];
    public IpSample IpSample { get; set; } = new([], [], []);
    public List<NeighbourRow> Neighbours { get; } = [];
    public List<RawLine> Lines { get; } = [];
    public List<BlockView> Blocks { get; } = [];
    public Collateral Collateral { get; set; } = new(0, 0, 0, 0, 0);
    public List<BacktestResult> Backtest { get; } = [];
    public OperationsSnapshot Operations { get; set; } = new(0, 0, []);

    private Task<T> Answer<T>(T value) => Mode switch
    {
        StoreMode.Pending => new TaskCompletionSource<T>().Task,
        StoreMode.Failing => Task.FromException<T>(new TimeoutException("the store did not answer")),
        _ => Task.FromResult(value),
    };

    private Task Change(string what) => Change(what, 0);

    /// <summary>Records the change, then answers with <paramref name="result"/> as every answer comes (<see cref="Mode"/>).</summary>
    private Task<T> Change<T>(string what, T result)
    {
        Changes.Add(what);
        return Answer(result);
    }

    public Task<List<OffenderRow>> TopOffendersAsync(RollupPeriod p, int limit, CancellationToken ct = default) => Answer(Offenders.Take(limit).ToList());
    public Task<OperationsSnapshot> ReadAsync(DateTimeOffset now, TimeSpan recent, CancellationToken ct = default) => Answer(Operations);
    public Task<PeriodSummary> PeriodSummaryAsync(RollupPeriod p, CancellationToken ct = default) => Answer(Summary);
    public Task<(List<OffenderListRow> Rows, long Total)> OffendersPageAsync(OffenderFilter f, OffenderSort sort, bool descending, int page, int pageSize, CancellationToken ct = default) =>
        Answer((OffenderList.Skip(page * pageSize).Take(pageSize).ToList(), (long)OffenderList.Count));
    public Task<List<GroupCount>> OffendersByCountryAsync(RollupPeriod p, CancellationToken ct = default) => Answer(Countries);
    public Task<List<GroupCount>> OffendersByAsnAsync(RollupPeriod p, CancellationToken ct = default) => Answer(Networks);
    public Task<NewVsReturning> NewVsReturningAsync(RollupPeriod p, CancellationToken ct = default) => Answer(NewVsReturning);
    public Task<List<InjectionRow>> LatestInjectionsAsync(RollupPeriod p, int limit, CancellationToken ct = default) => Answer(Injections);
    public Task<List<CompromiseRow>> CompromisesAsync(RollupPeriod p, CancellationToken ct = default) => Answer(Compromises);
    public Task<List<LocalClientRow>> LocalClientsAsync(RollupPeriod p, int limit, CancellationToken ct = default) => Answer(LocalClients);
    public Task<List<BucketCount>> EventsByKindAsync(RollupPeriod p, bool hourly, CancellationToken ct = default) => Answer(Buckets);
    public Task<List<DayNewReturning>> NewVsReturningPerDayAsync(DateOnly from, DateOnly to, CancellationToken ct = default) => Answer(NewPerDay);
    public Task<List<DistributionBucket>> DistributionAsync(RollupPeriod p, CancellationToken ct = default) => Answer(Distribution);
    public Task<List<CampaignRow>> FindAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan window, int minIps, CancellationToken ct = default) => Answer(Campaigns);
    public Task<List<MapPoint>> MapPointsAsync(RollupPeriod p, CancellationToken ct = default) => Answer(MapPoints);
    public Task<IpSummaryView?> SummaryAsync(IPAddress ip, CancellationToken ct = default) => Answer(IpSummary);
    public Task<List<DayCount>> PerDayAsync(IPAddress ip, CancellationToken ct = default) => Answer(IpDays);
    public Task<IpSample> SampleAsync(IPAddress ip, int limit, CancellationToken ct = default) => Answer(IpSample);
    public Task<List<NeighbourRow>> NeighboursAsync(IPAddress ip, CancellationToken ct = default) => Answer(Neighbours);
    public Task<List<RawLine>> LinesAsync(IPAddress ip, int page, int pageSize, CancellationToken ct = default) => Answer(Lines);
    Task<List<BlockView>> IIpQueries.BlocksAsync(IPAddress ip, CancellationToken ct) => Answer(Blocks.Where(b => b.Network.Contains(IpAddress128.From(ip))).ToList());
    public Task<Collateral> CollateralAsync(Cidr network, CancellationToken ct = default) => Answer(Collateral);
    public IReadOnlyList<BlockPolicy> BacktestPolicies { get; private set; } = [];

    public Task<List<BacktestResult>> RunAsync(IReadOnlyList<BlockPolicy> policies, CancellationToken ct = default)
    {
        BacktestPolicies = policies;
        return Answer(Backtest);
    }
}
