namespace AttackDash.Storage.IntegrationTests;

/// <summary>`attackdash status`: the store's view of every worker's logs and of blocking, on the console.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StatusCommandTests(PostgresFixture pg)
{
    [Fact]
    public async Task Status_lists_each_log_with_its_lines_and_last_commit_and_counts_the_active_blocks()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await File.WriteAllLinesAsync(dir.File("maillog"), AttackLines.SmtpAttacks(start, TimeSpan.FromSeconds(1), 7, 300, i => $"192.0.2.{1 + i}"));
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", dir.File("maillog")).Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.0/24", "--reason", "heavy hitters").Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "62.233.50.7", "--reason", "dictionary").Exit);

        var (exit, stdout, stderr) = TestCli.Run(cs, "status");
        Assert.True(exit == 0, stderr);
        Assert.Matches($@"(?m)^  {System.Text.RegularExpressions.Regex.Escape(dir.File("maillog"))} +7 lines  last commit \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ s ago\)$", stdout);
        Assert.Contains("active blocks: 2\n", stdout, StringComparison.Ordinal);
        Assert.Contains("open review items: 0\n", stdout, StringComparison.Ordinal);
        Assert.Contains("logs: none committed to in the last day", TestCli.Run(await pg.NewDatabaseAsync(), "status", "--days", "1").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_with_max_silence_fails_when_a_worker_stopped_committing_or_none_ever_did()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(1, TestCli.Run(cs, "status", "--max-silence", "1h").Exit);
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("maillog"), "2025-06-03T10:00:00Z mx sm-mta[1]: [192.0.2.9]: possible SMTP attack: command=AUTH, count=5\n");
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", dir.File("maillog")).Exit);
        Assert.Equal(0, TestCli.Run(cs, "status", "--max-silence", "1h").Exit);
        await TestSql.ScalarAsync(cs, "UPDATE ingest_sources SET updated_at = now() - interval '2 hours' RETURNING 1");
        var (exit, _, stderr) = TestCli.Run(cs, "status", "--max-silence", "1h");
        Assert.Equal(1, exit);
        Assert.Contains($"attackdash: {dir.File("maillog")} committed nothing for 2 h 0 min (--days 7 --max-silence 1h)", stderr, StringComparison.Ordinal);
    }
}
