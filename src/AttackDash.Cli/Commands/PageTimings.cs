using AttackDash.Core.Analysis;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;
using Npgsql;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The data each dashboard page loads when it opens, issued as the page issues it (its queries at once),
/// so that <c>query-timings --pages</c> measures what a viewer waits for.
/// </summary>
internal static class PageTimings
{
    public static IEnumerable<(string Name, Func<Task<int>> Load)> For(NpgsqlDataSource source, DateOnly to)
    {
        var week = RollupPeriod.Days(to.AddDays(-7), to);
        var year = RollupPeriod.Days(to.AddDays(-365), to);
        var hours = new RollupPeriod(week.To.AddHours(-24), week.To);
        var dashboard = new DashboardQueries(source);
        var overview = new OverviewQueries(source);
        var timeline = new TimelineQueries(source);
        yield return ("page: overview (7 d)", () => All(
            dashboard.PeriodSummaryAsync(week), overview.NewVsReturningAsync(week), timeline.EventsByKindAsync(week, false),
            dashboard.TopOffendersAsync(week, 10), overview.LatestInjectionsAsync(week, 10), overview.CompromisesAsync(week)));
        yield return ("page: overview (1 year)", () => All(
            dashboard.PeriodSummaryAsync(year), overview.NewVsReturningAsync(year), timeline.EventsByKindAsync(year, false),
            dashboard.TopOffendersAsync(year, 10), overview.LatestInjectionsAsync(year, 10), overview.CompromisesAsync(year)));
        yield return ("page: offenders (1 year)", () => All(dashboard.OffendersPageAsync(new OffenderFilter(year), OffenderSort.Events, true, 0, 50)));
        yield return ("page: timeline (1 year)", () => All(
            timeline.EventsByKindAsync(year, false), timeline.NewVsReturningPerDayAsync(to.AddDays(-365), to), timeline.DistributionAsync(year)));
        yield return ("page: overview (24 h)", () => All(
            dashboard.PeriodSummaryAsync(hours), overview.NewVsReturningAsync(hours), timeline.EventsByKindAsync(hours, true),
            dashboard.TopOffendersAsync(hours, 10), overview.LatestInjectionsAsync(hours, 10), overview.CompromisesAsync(hours)));
        yield return ("page: geography (1 year)", () => All(
            new GeoQueries(source).MapPointsAsync(year), dashboard.OffendersByCountryAsync(year), dashboard.OffendersByAsnAsync(year)));
        yield return ("page: campaigns (7 d)", () => All(new CampaignQueries(source).FindAsync(week.From, week.To, TimeSpan.FromMinutes(10), 5)));
        yield return ("page: IP detail (top IP)", async () =>
        {
            var ip = (await dashboard.TopOffendersAsync(year, 1))[0].Ip;
            var q = new IpQueries(source);
            return await All(q.SummaryAsync(ip), q.PerDayAsync(ip), q.SampleAsync(ip, 25),
                q.NeighboursAsync(ip), q.BlocksAsync(ip), q.LinesAsync(ip, 0, 50), q.CollateralAsync(Core.Net.Cidr.Neighbourhood(Core.Net.IpAddress128.From(ip))));
        });
        yield return ("page: review", () => All(new ReviewService(source).LatestAsync()));
        yield return ("page: blocks + audit", () => All(new BlockingService(source).ListAsync([Core.Blocking.BlockState.Active]), new BlockingService(source).AuditAsync(0, 50)));
        yield return ("page: backtest (on demand)", () => All(new BacktestQueries(source).RunAsync(BlockPolicy.Defaults)));
        // One round of the live policies' look at the store (the web host makes one per Blocking:LiveInterval),
        // as if the newest day were now: 10 minutes and a day of raw events, a week of the daily rollup.
        var live = new LiveCandidates(source);
        var now = week.To;
        yield return ("live: one round of policies (10 min, 1 d, 7 d)", () => All(
            live.OverAsync(TimeSpan.FromMinutes(10), 3, 32, 128, now), live.OverAsync(TimeSpan.FromDays(1), 100, 32, 128, now),
            live.OverAsync(TimeSpan.FromDays(7), 100, 24, 64, now)));
    }

    private static async Task<int> All(params Task[] loads)
    {
        await Task.WhenAll(loads);
        return loads.Length;
    }
}
