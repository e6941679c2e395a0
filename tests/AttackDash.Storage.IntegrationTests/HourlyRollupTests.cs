using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using Microsoft.Extensions.Options;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class HourlyRollupTests(PostgresFixture pg)
{
    private static readonly DateTimeOffset Now = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Old_events_get_daily_counts_and_only_the_last_days_get_per_ip_hours()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await using var store = new EventStore(Store.Of(cs), Options.Create(new DatabaseOptions()), new ManualClock(Now));
        var (id, _, _) = await store.OpenSourceAsync("fp", "/var/log/maillog");
        // 20 and 15 days before now: outside the default 14 days; then 2 days and 1 hour before.
        await store.WriteBatchAsync(id, [At(1, -20 * 24), At(2, -15 * 24), At(3, -48), At(4, -1)], 4, 0);

        Assert.Equal(4, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM daily_ip_kind"));
        Assert.Equal(4, await TestSql.ScalarAsync(cs, "SELECT sum(attack_events) FROM ip_summary"));
        Assert.Equal(4, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind"));
        Assert.Equal(2, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind"));
        Assert.Equal(0, await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM hourly_ip_kind WHERE hour < '{Now.AddDays(-14):O}'"));
    }

    [Fact]
    public async Task The_merge_path_keeps_the_same_horizon_and_pruning_removes_hours_that_aged_out()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var clock = new ManualClock(Now);
        await using var store = new EventStore(Store.Of(cs), Options.Create(new DatabaseOptions()), clock);
        var (id, _, _) = await store.OpenSourceAsync("fp", "/var/log/maillog");
        await store.WriteBatchAsync(id, [At(1, -20 * 24), At(2, -48)], 2, 0);
        // Lines 1-2 again with a new one: the careful path, which must count only line 3.
        Assert.Equal(1, await store.WriteBatchAsync(id, [At(1, -20 * 24), At(2, -48), At(3, -30 * 24)], 3, 0));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind"));
        Assert.Equal(3, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM daily_ip_kind"));

        Assert.Equal(0, await store.PruneHoursAsync());
        clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(1, await store.PruneHoursAsync());
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM hourly_ip_kind"));
        Assert.Equal(3, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM daily_ip_kind"));
    }

    private static MailEvent At(long line, int hoursFromNow) => new(
        Now.AddHours(hoursFromNow), EventKind.AuthFailure, "mx", 100, null,
        IpAddress128.Parse("192.0.2.7"), null, false, "admin", $"AUTH failure (LOGIN): user=admin, relay=[192.0.2.7] line {line}")
    { LineNumber = line };
}
