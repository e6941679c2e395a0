using AttackDash.Core.Analysis;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The data each dashboard page loads when it opens, issued as the page issues it (its queries at once),
/// so that <c>query-timings --pages</c> measures what a viewer waits for.
/// </summary>
internal static class PageTimings
{
    public static IEnumerable<(string Name, Func<Task<int>> Load)> For(string cs, DateOnly to)
    {
        var week = to.AddDays(-7);
        var year = to.AddDays(-365);
        var dashboard = new DashboardQueries(cs);
        var overview = new OverviewQueries(cs);
        var timeline = new TimelineQueries(cs);
        yield return ("page: overview (7 d)", () => All(
            dashboard.PeriodSummaryAsync(week, to), overview.NewVsReturningAsync(week, to), timeline.EventsByKindAsync(week, to, false),
            dashboard.TopOffendersAsync(week, to, 10), overview.LatestInjectionsAsync(week, to, 10), overview.CompromisesAsync(week, to)));
        yield return ("page: overview (1 year)", () => All(
            dashboard.PeriodSummaryAsync(year, to), overview.NewVsReturningAsync(year, to), timeline.EventsByKindAsync(year, to, false),
            dashboard.TopOffendersAsync(year, to, 10), overview.LatestInjectionsAsync(year, to, 10), overview.CompromisesAsync(year, to)));
        yield return ("page: offenders (1 year)", () => All(dashboard.OffendersPageAsync(new OffenderFilter(year, to), OffenderSort.Events, true, 0, 50)));
        yield return ("page: timeline (1 year)", () => All(
            timeline.EventsByKindAsync(year, to, false), timeline.NewVsReturningPerDayAsync(year, to), timeline.DistributionAsync(year, to)));
        yield return ("page: timeline (1 day, hourly)", () => All(
            timeline.EventsByKindAsync(to.AddDays(-1), to, true), timeline.NewVsReturningPerDayAsync(to.AddDays(-1), to), timeline.DistributionAsync(to.AddDays(-1), to)));
        yield return ("page: geography (1 year)", () => All(
            new GeoQueries(cs).MapPointsAsync(year, to), dashboard.OffendersByCountryAsync(year, to), dashboard.OffendersByAsnAsync(year, to)));
        yield return ("page: campaigns (7 d)", () => All(new CampaignQueries(cs).FindAsync(Start(week), Start(to), TimeSpan.FromMinutes(10), 5)));
        yield return ("page: IP detail (top IP)", async () =>
        {
            var ip = (await dashboard.TopOffendersAsync(year, to, 1))[0].Ip;
            var q = new IpQueries(cs);
            return await All(q.SummaryAsync(ip), q.PerDayAsync(ip), q.UsernamesAsync(ip, 25), q.RecipientsAsync(ip, 25), q.HostnamesAsync(ip),
                q.NeighboursAsync(ip), q.BlocksAsync(ip), q.LinesAsync(ip, 0, 50), q.CollateralAsync(ip + "/24"));
        });
        yield return ("page: review", () => All(new ReviewService(cs).LatestAsync()));
        yield return ("page: blocks + audit", () => All(new BlockService(cs).ListAsync([Core.Blocking.BlockState.Active]), new BlockService(cs).AuditAsync(0, 50)));
        yield return ("page: backtest (on demand)", () => All(new BacktestQueries(cs).RunAsync(BlockPolicy.Defaults)));
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static async Task<int> All(params Task[] loads)
    {
        await Task.WhenAll(loads);
        return loads.Length;
    }
}
