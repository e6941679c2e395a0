using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace AttackDash.Web.FunctionalTests;

/// <summary>The web host's follower never dies silently: it logs, shows the error, restarts with backoff, and /healthz says so.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FollowerRestartTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_follower_whose_log_cannot_be_read_restarts_until_it_can_and_healthz_reports_degraded_then_unhealthy_without_the_database()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var log = dir.File("maillog");
        // Reading /proc/self/mem at offset 0 fails with EIO: a log that exists and cannot be read.
        File.CreateSymbolicLink(log, "/proc/self/mem");
        await using var app = await TestWebApp.StartAsync(cs, new() { ["Ingest:Paths:0"] = log, ["Ingest:RestartDelay"] = "00:00:00.200" });
        using var http = new HttpClient { BaseAddress = TestWebApp.Address(app) };
        var health = "";
        for (var i = 0; i < 100 && !health.StartsWith("degraded", StringComparison.Ordinal); i++, await Task.Delay(100))
            health = await http.GetStringAsync("/healthz");
        Assert.StartsWith("degraded", health, StringComparison.Ordinal);

        File.Delete(log);
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);
        await File.WriteAllLinesAsync(log, AttackLines.SmtpAttacks(yesterday, TimeSpan.FromMinutes(1), 30, 100, i => $"62.233.50.{1 + (i % 3)}"));
        long stored = 0;
        for (var i = 0; i < 150 && stored < 30; i++, await Task.Delay(200))
            stored = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events");
        Assert.Equal(30, stored);
        var state = Assert.Single(app.Services.GetRequiredService<AttackDash.Ingestion.Hosting.FollowStatus>().Followers);
        Assert.Equal("following", state.State);
        Assert.True(state.Restarts >= 1);
        Assert.Contains("IOException", state.LastError, StringComparison.Ordinal);

        await pg.RestartAsync(async () =>
        {
            var down = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        });
    }
}
