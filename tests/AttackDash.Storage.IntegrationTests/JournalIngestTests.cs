using System.Diagnostics;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// <c>ingest --journal</c> on real journal files read by the real journalctl (see <see cref="JournalFiles"/>):
/// the same events as the same lines in a file, each stored once however often it runs or is killed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalIngestTests(PostgresFixture pg)
{
    /// <summary>What must agree between two stores of the same lines (line numbers differ: a journal numbers its entries itself).</summary>
    internal static readonly string[] SameContent =
    [
        "SELECT count(*) FROM events",
        "SELECT count(*) FROM events WHERE client_ip IS NULL",
        "SELECT sum(hashtext(kind::text || coalesce(host(client_ip), '') || time::text))::bigint FROM events",
        "SELECT sum(events) FROM daily_ip_kind",
        "SELECT sum(events) FROM hourly_ip_kind",
        "SELECT sum(events + unattributed) FROM hourly_kind",
        "SELECT sum(attack_events + success_events) FROM ip_summary",
    ];

    [Fact]
    public async Task A_journal_gives_the_events_of_the_same_lines_in_a_file_and_a_second_run_adds_nothing()
    {
        using var dir = new TempDir();
        var (journal, fromFile) = await FileAndJournalAsync(dir, 15_000, seed: 11);

        var fromJournal = await pg.NewDatabaseAsync();
        var first = TestCli.Run(fromJournal, "ingest", "--journal", "--directory", journal, "--batch", "500");
        Assert.True(first.Exit == 0, first.Stderr);
        await AssertSameContentAsync(fromFile, fromJournal);
        Assert.True(await TestSql.ScalarAsync(fromJournal, $"SELECT count(*) FROM events WHERE kind = {(int)AttackDash.Core.Events.EventKind.UserUnknown} AND client_ip IS NOT NULL") > 0);

        var again = TestCli.Run(fromJournal, "ingest", "--journal", "--directory", journal);
        Assert.True(again.Exit == 0, again.Stderr);
        Assert.Contains(" 0 new events", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, await TestSql.ScalarAsync(fromJournal, "SELECT count(*) FROM ingest_sources"));
        await AssertSameContentAsync(fromFile, fromJournal);
    }

    [Fact]
    public async Task Kill_9_in_the_middle_of_a_journal_ingest_then_the_same_command_stores_each_event_once()
    {
        using var dir = new TempDir();
        var (journal, clean) = await FileAndJournalAsync(dir, 80_000, seed: 12);

        var crashed = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(crashed, "migrate").Exit);
        for (var kill = 1; kill <= 2; kill++)
        {
            using var child = StartJournalIngest(crashed, journal);
            var sw = Stopwatch.StartNew();
            while (await TestSql.ScalarAsync(crashed, "SELECT coalesce(max(lines_done), 0) FROM ingest_sources") < 15_000 * kill && sw.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(20);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var partial = await TestSql.ScalarAsync(crashed, "SELECT count(*) FROM events");
        Assert.InRange(partial, 1, await TestSql.ScalarAsync(clean, "SELECT count(*) FROM events") - 1);
        Assert.True(await TestSql.ScalarAsync(crashed, "SELECT resume_line FROM ingest_sources") > 0);

        var resumed = TestCli.Run(crashed, "ingest", "--journal", "--directory", journal, "--batch", "500");
        Assert.True(resumed.Exit == 0, resumed.Stderr);
        Assert.DoesNotContain("no longer holds", resumed.Stderr, StringComparison.Ordinal);
        await AssertSameContentAsync(clean, crashed);
    }

    /// <summary>A generated log as a file and as journal files; the file ingested into a database of its own, the one to compare with.</summary>
    private async Task<(string Journal, string FromFile)> FileAndJournalAsync(TempDir dir, int lines, int seed)
    {
        var log = Generate(dir.Path, lines, seed);
        var journal = Directory.CreateDirectory(Path.Combine(dir.Path, "journal")).FullName;
        JournalFiles.Append(journal, JournalFiles.FromSyslog(log));
        var fromFile = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(fromFile, "ingest", log).Exit);
        return (journal, fromFile);
    }

    private static async Task AssertSameContentAsync(string expected, string actual)
    {
        foreach (var sql in SameContent)
            Assert.Equal(await TestSql.ScalarAsync(expected, sql), await TestSql.ScalarAsync(actual, sql));
    }

    /// <summary>ISO-stamped, so that the file and the journal agree on every time without a year to guess.</summary>
    private static string Generate(string dir, int lines, int seed)
    {
        var log = Path.Combine(dir, "maillog");
        var (exit, _, err) = CliRunner.Run("generate", "--out", log, "--lines", $"{lines}", "--seed", $"{seed}", "--days", "30", "--start", "2024-12-01", "--format", "iso");
        Assert.True(exit == 0, err);
        return log;
    }

    private static Process StartJournalIngest(string connectionString, string journal)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "attackdash.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "ingest", "--journal", "--directory", journal, "--batch", "500"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__AttackDash"] = connectionString;
        start.Environment["Database__HourlyRollupDays"] = "3660";
        start.Environment["GeoIp__Directory"] = "/nonexistent";
        return Process.Start(start)!;
    }
}
