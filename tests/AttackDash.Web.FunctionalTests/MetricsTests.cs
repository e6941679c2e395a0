using System.Globalization;
using System.Text.RegularExpressions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>/metrics as Prometheus scrapes it from the real host: the follower's counters, the pulls, and the store's figures.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MetricsTests(PostgresFixture pg)
{
    [Fact]
    public async Task Metrics_count_the_followed_lines_by_kind_the_refused_pulls_and_the_active_blocks()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        await File.WriteAllLinesAsync(log, AttackLines.SmtpAttacks(now, TimeSpan.FromSeconds(1), 12, 700, i => $"192.0.2.{1 + i % 3}"));
        var block = TestCli.Run(cs, "block", "62.233.50.7", "--reason", "metrics test");
        Assert.True(block.Exit == 0, block.Stderr);
        await using var app = await TestWebApp.StartAsync(cs, new() { ["Ingest:Paths:0"] = log });
        using var http = new HttpClient { BaseAddress = TestWebApp.Address(app) };
        Assert.Equal(401, (int)(await http.GetAsync("/api/blocklist/nftables")).StatusCode);

        var source = Regex.Escape(log);
        var text = await ScrapeUntilAsync(http, $@"attackdash_source_lines_total\{{[^}}]*path=""{source}""[^}}]*\}} 12\b");
        Assert.Matches($@"attackdash_ingest_lines_total\{{[^}}]*source=""{source}""[^}}]*\}} 12\b", text);
        Assert.Matches($@"attackdash_ingest_events_total\{{[^}}]*kind=""smtp_attack""[^}}]*source=""{source}""[^}}]*\}} 12\b", text);
        Assert.Matches(@"attackdash_blocklist_pulls_total\{[^}]*result=""unauthorized""[^}]*\} 1\b", text);
        Assert.Matches(@"attackdash_blocks_active(_ratio)?\{[^}]*\} 1\b", text);
        Assert.Matches(@"attackdash_review_open_items\{[^}]*\} 0\b", text);
        // Unix seconds of the last commit: within the last minute.
        var lastCommit = double.Parse(Regex.Match(text, $@"attackdash_ingest_last_commit_seconds\{{[^}}]*source=""{source}""[^}}]*\}} (\S+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - lastCommit, 0, 60);
    }

    /// <summary>Scrapes until <paramref name="pattern"/> appears (the store's figures are read every 15 s), at most 60 s.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient http, string pattern)
    {
        var text = "";
        for (var i = 0; i < 120 && !Regex.IsMatch(text, pattern); i++)
        {
            await Task.Delay(500);
            text = await http.GetStringAsync("/metrics");
        }
        Assert.Matches(pattern, text);
        return text;
    }
}
