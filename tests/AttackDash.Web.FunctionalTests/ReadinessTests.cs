namespace AttackDash.Web.FunctionalTests;

/// <summary>/healthz/ready: the store answers, and every watched log committed within Health:MaxSilence.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadinessTests(PostgresFixture pg)
{
    [Fact]
    public async Task Readiness_is_degraded_while_a_watched_log_of_another_host_is_silent_and_ok_once_its_worker_commits()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var followed = dir.File("maillog");
        var remote = dir.File("mx2-maillog");
        await File.WriteAllLinesAsync(followed, Lines(DateTimeOffset.UtcNow.AddMinutes(-3), 5));
        await using var app = await TestWebApp.StartAsync(cs, new()
        {
            ["Ingest:Paths:0"] = followed,
            ["Health:Sources:0"] = remote,
            ["Health:MaxSilence"] = "00:10:00",
        });
        using var http = new HttpClient { BaseAddress = TestWebApp.Address(app) };
        var ready = await PollAsync(http, r => r.Contains($"{followed}: last commit", StringComparison.Ordinal));
        Assert.StartsWith("degraded: 1 watched log(s) silent for more than 10 min (Health:MaxSilence)\n", ready, StringComparison.Ordinal);
        Assert.Contains($"{remote}: nothing committed yet", ready, StringComparison.Ordinal);

        // The other host's worker writes its log into the same store.
        await File.WriteAllLinesAsync(remote, Lines(DateTimeOffset.UtcNow.AddMinutes(-2), 3));
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", remote).Exit);
        ready = await PollAsync(http, r => r.StartsWith("ok\n", StringComparison.Ordinal));
        Assert.Contains($"{remote}: last commit", ready, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }

    private static IEnumerable<string> Lines(DateTimeOffset from, int count) => AttackLines.SmtpAttacks(from, TimeSpan.FromSeconds(1), count, 800, i => $"192.0.2.{1 + i}");

    private static async Task<string> PollAsync(HttpClient http, Func<string, bool> until)
    {
        var text = "";
        for (var i = 0; i < 60 && !until(text); i++)
        {
            await Task.Delay(500);
            text = await http.GetStringAsync("/healthz/ready");
        }
        Assert.True(until(text), text);
        return text;
    }
}
