using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Ingest;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class EventStoreTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_writer_that_missed_a_commit_of_its_lines_adds_only_the_lines_not_yet_stored()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await using var first = Store.Writer(cs);
        await using var second = Store.Writer(cs);
        var (id, _, _) = await first.OpenSourceAsync("fp", "/var/log/maillog");
        await second.OpenSourceAsync("fp", "/var/log/maillog");
        Assert.Equal(10, await first.WriteBatchAsync(id, Lines(1, 10), 10, 0));
        // The second opened the source before those lines were written, like a second process reading
        // the same file, or a writer whose commit answer was lost: it learns of them under the source lock.
        Assert.Equal(5, await second.WriteBatchAsync(id, Lines(6, 15), 15, 0));
        Assert.Equal(0, await first.WriteBatchAsync(id, Lines(11, 15), 15, 0));

        Assert.Equal(15, await TestSql.ScalarAsync(cs, "SELECT count(DISTINCT line_number) FROM events"));
        Assert.Equal(15, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(15, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind"));
        Assert.Equal(15, await TestSql.ScalarAsync(cs, "SELECT sum(attack_events) FROM ip_summary"));
        Assert.Equal(15, await TestSql.ScalarAsync(cs, "SELECT lines_done FROM ingest_sources"));
    }

    [Fact]
    public async Task A_batch_commits_only_after_the_batch_given_to_wait_for()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await using var store = Store.Writer(cs);
        var (id, _, _) = await store.OpenSourceAsync("fp", "/var/log/maillog");
        var earlier = new TaskCompletionSource();
        var write = store.WriteBatchAsync(id, Lines(11, 20), 20, 0, earlier.Task);
        await Task.Delay(500);
        Assert.False(write.IsCompleted);
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));

        earlier.SetException(new TimeoutException("the earlier batch failed"));
        await Assert.ThrowsAsync<TimeoutException>(() => write);
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT lines_done FROM ingest_sources"));
    }

    [Fact]
    public async Task An_import_leaves_its_partitions_analyzed_and_their_time_ranges_summarized()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 40_000, seed: 21);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);

        Assert.True(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass") >= 2);
        Assert.Equal(0, await TestSql.ScalarAsync(cs, FollowTests.UnanalyzedPartitions));
        Assert.Equal(0, await TestSql.ScalarAsync(cs, """
            SELECT coalesce(sum(brin_summarize_new_values(i.indexrelid)), 0) FROM pg_inherits p
            JOIN pg_index i ON i.indrelid = p.inhrelid JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            WHERE p.inhparent = 'events'::regclass AND a.amname = 'brin'
            """));
    }

    private static List<MailEvent> Lines(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(n => new MailEvent(
            new DateTimeOffset(2025, 3, 1, 12, 0, n, TimeSpan.Zero), EventKind.AuthFailure, "mx", 100, null,
            IpAddress128.Parse("192.0.2.7"), null, false, "admin", $"AUTH failure (LOGIN): user=admin, relay=[192.0.2.7] line {n}")
        { LineNumber = n })];
}
