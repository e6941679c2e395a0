using System.Globalization;
using AttackDash.Storage.Blocking;
using AttackDash.Operations;
using AttackDash.Operations.Reviews;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>The weekly review survives the database going away: the missed week is opened when it comes back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewWorkerTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_review_due_while_the_database_is_away_is_opened_when_it_comes_back_and_the_worker_never_faults()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        // The worker as a host registers it, on this test's database, with the digest off.
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Review:RetryDelay"] = "00:00:00.200",
            ["Digest:Enabled"] = "false",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(settings).AddAttackDashStorage(settings).AddAttackDashReview(settings).AddReviewWorker().BuildServiceProvider();
        services.GetRequiredService<AttackDashDatabase>().SetReady(Store.Of(cs));
        var status = services.GetRequiredService<ReviewStatus>();
        var worker = services.GetServices<IHostedService>().OfType<ReviewWorker>().Single();
        // The week of the last scheduled run, which this worker (started after it) has missed.
        var week = ReviewService.WeekStartOf(worker.NextRun(DateTimeOffset.UtcNow).AddDays(-7)).AddDays(-7);
        using var dir = new TempDir();
        var day = week.AddDays(2).ToDateTime(new TimeOnly(10, 0));
        await File.WriteAllLinesAsync(dir.File("maillog"), Enumerable.Range(0, 150).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{day.AddSeconds(i):yyyy-MM-dd'T'HH:mm:ss}Z mx sm-mta[{100 + i}]: [62.233.50.10]: possible SMTP attack: command=AUTH, count=5")));
        Assert.Equal(0, TestCli.Run(cs, "ingest", dir.File("maillog")).Exit);

        using var stop = new CancellationTokenSource();
        await pg.RestartAsync(async () =>
        {
            await worker.StartAsync(stop.Token);
            await Task.Delay(1500);
            // What /healthz reports as "degraded" while the run is retried.
            Assert.NotNull(status.LastError);
        });
        var reviews = new ReviewService(Store.Of(cs));
        for (var i = 0; i < 150 && !await reviews.IsOpenAsync(week); i++)
            await Task.Delay(200);
        Assert.False(worker.ExecuteTask!.IsCompleted);
        // The run that opened it clears the failure once it has finished (the digest comes after the review).
        for (var i = 0; i < 50 && status.LastError is not null; i++)
            await Task.Delay(100);
        Assert.Null(status.LastError);
        var review = await reviews.OpenAsync(week);
        Assert.Equal(["62.233.50.10"], review.Items.Select(i => i.Ip.ToString()));
        await worker.StopAsync(CancellationToken.None);
    }
}
