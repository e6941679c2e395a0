using System.Globalization;
using AttackDash.Core.Input;
using AttackDash.Ingestion;
using AttackDash.Storage.Ingest;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class FollowTests(PostgresFixture pg)
{
    private int _next;

    [Fact]
    public async Task Follow_mode_survives_rename_and_create_and_copytruncate_and_loses_no_line()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        Append(log, 100);
        using var stop = new CancellationTokenSource();
        var following = StartFollower(cs, log, stop.Token);
        await WaitForEvents(cs, 100);

        File.Move(log, log + ".1");
        Append(log + ".1", 10);          // syslog still writes to the old file for a moment
        Append(log, 50);
        await WaitForEvents(cs, 160);

        File.Copy(log, log + ".2");      // copytruncate: copy, then cut the live file to zero
        await using (var truncate = new FileStream(log, FileMode.Open, FileAccess.Write))
            truncate.SetLength(0);
        Append(log, 30);
        await WaitForEvents(cs, 190);

        await stop.CancelAsync();
        await following;
        Assert.Equal(190, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(190, await TestSql.ScalarAsync(cs, "SELECT count(DISTINCT host(client_ip)) FROM events"));
        // Caught up, the follower refreshed what it wrote (reltuples stays -1 until a table is analyzed).
        Assert.Equal(0, await TestSql.ScalarAsync(cs, UnanalyzedPartitions));
    }

    internal const string UnanalyzedPartitions =
        "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass AND c.reltuples < 0";

    [Fact]
    public async Task Follow_mode_waits_while_the_database_is_down_and_then_writes_every_line()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        Append(log, 50);
        using var stop = new CancellationTokenSource();
        var following = StartFollower(cs, log, stop.Token);
        await WaitForEvents(cs, 50);

        await pg.RestartAsync(async () =>
        {
            Append(log, 70);
            await Task.Delay(1500);
        });
        await WaitForEvents(cs, 120);
        await stop.CancelAsync();
        await following;
        Assert.Equal(120, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task Follow_mode_counts_a_year_9999_line_as_malformed_and_reads_on()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        Append(log, 10);
        File.AppendAllText(log, "9999-12-31T23:59:59-12:00 mx sm-mta[1]: [192.0.2.99]: possible SMTP attack: command=AUTH, count=5\n"
            + "2500-01-01T00:00:00Z mx sm-mta[1]: [192.0.2.98]: possible SMTP attack: command=AUTH, count=5\n");
        Append(log, 10);
        using var stop = new CancellationTokenSource();
        var following = StartFollower(cs, log, stop.Token);
        await WaitForEvents(cs, 20);
        Append(log, 5);
        await WaitForEvents(cs, 25);
        await stop.CancelAsync();
        await following;
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip <<= '192.0.2.0/24'"));
    }

    private static Task StartFollower(string cs, string log, CancellationToken ct)
    {
        var store = Store.Writer(cs);
        var follower = new FileFollower(store, new IngestOptions { FlushInterval = TimeSpan.FromMilliseconds(100) },
            new ReadOptions { Zone = TimeZoneInfo.Utc }, TextWriter.Null)
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
        };
        return Task.Run(async () =>
        {
            await using (store)
                await follower.FollowAsync(log, ct);
        }, CancellationToken.None);
    }

    /// <summary>Appends lines that each yield one attack event from a distinct IP.</summary>
    private void Append(string path, int lines)
    {
        using var w = File.AppendText(path);
        for (var i = 0; i < lines; i++)
        {
            var n = ++_next;
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"Mar  1 10:{n / 60 % 60:D2}:{n % 60:D2} mx sm-mta[{1000 + n}]: [198.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}]: possible SMTP attack: command=AUTH, count=5\n"));
        }
    }

    private static async Task WaitForEvents(string cs, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long count = -1;
        while (DateTime.UtcNow < deadline)
        {
            count = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events");
            if (count >= expected)
                break;
            await Task.Delay(50);
        }
        Assert.Equal(expected, count);
    }
}
