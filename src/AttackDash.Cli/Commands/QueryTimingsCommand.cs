using System.Diagnostics;
using System.Globalization;
using AttackDash.Storage.Queries;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash query-timings</c>: how fast the dashboard's heaviest questions are on this store.</summary>
internal static class QueryTimingsCommand
{
    public const string Usage = """
        usage: attackdash query-timings [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--runs N] [--pages]
        Runs each dashboard query N times (default 5; the first warms the cache) and prints the best time.
        Default period: the 365 days up to the newest event. --pages also times all the data each page
        loads when it opens (its queries at once, as the page issues them), ending at --to.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--from", "--to", "--runs"], ["--pages"]);
        var runs = a.Int("--runs", 5, 1, 100);
        await using var db = await cli.OpenDatabaseAsync();
        var contents = cli.Service<StoreContents>();
        var to = ParseDay(a.Value("--to")) ?? await contents.DayAfterNewestAsync();
        var from = ParseDay(a.Value("--from")) ?? to.AddDays(-365);
        var q = new DashboardQueries(db.DataSource);
        cli.Out.WriteLine($"period {from:yyyy-MM-dd} .. {to:yyyy-MM-dd}; {await contents.EventCountAsync():#,0} events stored");
        await Time(cli.Out, "top 50 offenders", runs, async () => (await q.TopOffendersAsync(RollupPeriod.Days(from, to), 50)).Count);
        await Time(cli.Out, "events per day by kind", runs, async () => (await new TimelineQueries(db.DataSource).EventsByKindAsync(RollupPeriod.Days(from, to), hourly: false)).Count);
        await Time(cli.Out, "offenders by country", runs, async () => (await q.OffendersByCountryAsync(RollupPeriod.Days(from, to))).Count);
        await Time(cli.Out, "offenders by ASN", runs, async () => (await q.OffendersByAsnAsync(RollupPeriod.Days(from, to))).Count);
        if (a.Flag("--pages"))
        {
            foreach (var (name, load) in PageTimings.For(db.DataSource, to))
                await Time(cli.Out, name, runs, load);
        }
        return 0;
    }

    private static async Task Time(TextWriter stdout, string name, int runs, Func<Task<int>> query)
    {
        var best = TimeSpan.MaxValue;
        var rows = 0;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            rows = await query();
            best = sw.Elapsed < best ? sw.Elapsed : best;
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-30} {best.TotalMilliseconds,8:0.0} ms  ({rows:#,0} rows or queries)"));
    }

    private static DateOnly? ParseDay(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"'{text}' is not a date such as 2025-01-31");
}
