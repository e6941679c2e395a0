using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Ingest;
using Npgsql;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// A writer that needs a new month must not wait for another writer's open COPY: that writer may be
/// waiting for it to commit first (batches commit in order), a cycle the server cannot detect. It made
/// "two processes reading the same log" stand still until the 30 s command timeout, now and then.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PartitionLockTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_new_month_partition_is_created_while_another_writer_holds_an_uncommitted_copy_into_its_month()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await using var march = Store.Writer(cs);
        var (id, _, _) = await march.OpenSourceAsync("fp", "/var/log/maillog");
        Assert.Equal(3, await march.WriteBatchAsync(id, Events((1, 3), (2, 3), (3, 3)), 3, 0));

        await using var open = new NpgsqlConnection(cs);
        await open.OpenAsync();
        await using var tx = await open.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO events_2025_03 (time, source_id, line_number, kind, mta_host, pid, may_be_forged, detail) VALUES ('2025-03-02', @id, 4, 0, 'mx', 1, false, 'x')", open, tx))
        {
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }

        await using var april = Store.Writer(cs);
        await april.OpenSourceAsync("fp", "/var/log/maillog");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal(2, await april.WriteBatchAsync(id, Events((5, 3), (6, 4)), 6, 0, ct: bound.Token));
        await tx.RollbackAsync();
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events_2025_04"));
        Assert.Equal(5, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
    }

    /// <summary>One AUTH failure per (line, month of 2025).</summary>
    private static List<MailEvent> Events(params (int Line, int Month)[] lines) =>
        [.. lines.Select(l => new MailEvent(
            new DateTimeOffset(2025, l.Month, 1, 12, 0, l.Line, TimeSpan.Zero), EventKind.AuthFailure, "mx", 100, null,
            IpAddress128.Parse("192.0.2.7"), null, false, "admin", $"AUTH failure (LOGIN): user=admin, relay=[192.0.2.7] line {l.Line}")
        { LineNumber = l.Line })];
}
