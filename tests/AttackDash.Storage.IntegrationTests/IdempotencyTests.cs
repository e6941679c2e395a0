using System.Diagnostics;
using System.IO.Compression;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyTests(PostgresFixture pg)
{
    [Fact]
    public async Task Ingesting_the_same_log_again_or_a_rotated_or_gzipped_copy_adds_nothing()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 15_000, seed: 7);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        var events = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events");
        var rollup = await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind");

        var rotated = log + ".1";
        File.Copy(log, rotated);
        using (var gz = new GZipStream(File.Create(log + ".2.gz"), CompressionLevel.Fastest))
        using (var src = File.OpenRead(log))
            src.CopyTo(gz);
        File.SetLastWriteTimeUtc(rotated, File.GetLastWriteTimeUtc(log));
        File.SetLastWriteTimeUtc(log + ".2.gz", File.GetLastWriteTimeUtc(log));
        var again = TestCli.Run(cs, "ingest", "--tz", "UTC", log, rotated, log + ".2.gz");
        Assert.True(again.Exit == 0, again.Stderr);

        Assert.Equal(events, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(rollup, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ingest_sources"));
    }

    [Fact]
    public async Task Kill_9_in_the_middle_of_an_import_then_the_same_command_leaves_exactly_one_clean_import()
    {
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 150_000, seed: 8);
        var clean = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(clean, "ingest", "--tz", "UTC", log).Exit);

        var crashed = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(crashed, "migrate").Exit);
        using (var child = StartIngest(crashed, log))
        {
            var sw = Stopwatch.StartNew();
            while (await TestSql.ScalarAsync(crashed, "SELECT coalesce(max(lines_done), 0) FROM ingest_sources") < 20_000 && sw.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(20);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var partial = await TestSql.ScalarAsync(crashed, "SELECT count(*) FROM events");
        var total = await TestSql.ScalarAsync(clean, "SELECT count(*) FROM events");
        Assert.InRange(partial, 1, total - 1);

        var resumed = TestCli.Run(crashed, "ingest", "--tz", "UTC", log);
        Assert.True(resumed.Exit == 0, resumed.Stderr);
        foreach (var sql in new[]
        {
            "SELECT count(*) FROM events",
            "SELECT sum(events) FROM hourly_ip_kind",
            "SELECT sum(events) FROM daily_ip_kind",
            "SELECT sum(events + unattributed) FROM hourly_kind",
            "SELECT sum(attack_events + success_events) FROM ip_summary",
            "SELECT sum(hashtext(source_id::text || line_number::text || kind::text || coalesce(host(client_ip), '')))::bigint FROM events",
        })
            Assert.Equal(await TestSql.ScalarAsync(clean, sql), await TestSql.ScalarAsync(crashed, sql));
    }

    private static Process StartIngest(string connectionString, string log)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "attackdash.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "ingest", "--tz", "UTC", "--batch", "1000", log])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__AttackDash"] = connectionString;
        start.Environment["Database__HourlyRollupDays"] = "3660";
        return Process.Start(start)!;
    }
}
