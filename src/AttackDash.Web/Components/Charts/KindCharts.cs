using AttackDash.Core.Events;
using AttackDash.Storage.Queries;

namespace AttackDash.Web.Components.Charts;

/// <summary>Chart specs built from the store's per-kind counts, shared by the overview, timeline and IP pages.</summary>
public static class KindCharts
{
    /// <summary>A stacked area per kind over time; kinds with no events are left out.</summary>
    public static ChartSpec Stacked(IReadOnlyList<BucketCount> counts, bool attacksOnly)
    {
        var rows = counts.Where(c => !attacksOnly || ((EventKind)c.Kind).IsAttack()).ToList();
        var times = rows.Select(c => c.Start).Distinct().Order().ToList();
        var index = times.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var series = rows.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var data = new double[times.Count];
            foreach (var c in g)
                data[index[c.Start]] = c.Events;
            return new ChartSeries(((EventKind)g.Key).Name(), data);
        }).ToList();
        return new ChartSpec("area", series) { Times = times, Stacked = true, YTitle = "events" };
    }

    public static ChartSpec Stacked(IReadOnlyList<DayCount> counts, bool attacksOnly) =>
        Stacked([.. counts.Select(c => new BucketCount(new DateTimeOffset(c.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), c.Kind, c.Events))], attacksOnly);
}
