namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class ConcurrentWritersTests(PostgresFixture pg)
{
    [Fact]
    public async Task Two_mail_hosts_ingesting_at_the_same_time_each_store_exactly_their_events()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var one = new TempDir();
        using var two = new TempDir();
        var logs = new[] { TestCli.Generate(one.Path, 30_000, seed: 11), TestCli.Generate(two.Path, 30_000, seed: 12) };
        var hosts = new[] { "mx1.example.com", "mx2.example.com" };
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            Task.Run(() => TestCli.Run(cs, "ingest", "--tz", "UTC", "--batch", "2000", "--host", hosts[i], logs[i]))));
        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Stderr));

        for (var i = 0; i < 2; i++)
        {
            var truth = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(logs[i] + ".truth.json"))!;
            var expected = truth["totals"]!.AsObject().Where(t => t.Key != "unattributed").Sum(t => (long)t.Value!);
            Assert.Equal(expected, await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM events WHERE mta_host = '{hosts[i]}'"));
        }
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"), await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind"));
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip IS NOT NULL"),
            await TestSql.ScalarAsync(cs, $"SELECT sum(attack_events + success_events) + (SELECT count(*) FROM events WHERE kind = {(int)AttackDash.Core.Events.EventKind.LostInput}) FROM ip_summary"));
    }

    [Fact]
    public async Task Two_processes_reading_the_same_log_at_the_same_time_store_it_once()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 30_000, seed: 13);
        // Small batches so that the two readers overtake each other many times.
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => TestCli.Run(cs, "ingest", "--tz", "UTC", "--batch", "500", log))));
        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Stderr));

        var truth = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(log + ".truth.json"))!;
        var expected = truth["totals"]!.AsObject().Where(t => t.Key != "unattributed").Sum(t => (long)t.Value!);
        Assert.Equal(expected, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(expected, await TestSql.ScalarAsync(cs, "SELECT count(DISTINCT (source_id, line_number)) FROM events"));
        Assert.Equal(expected, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind"));
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip IS NOT NULL"),
            await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM daily_ip_kind"));
    }
}
