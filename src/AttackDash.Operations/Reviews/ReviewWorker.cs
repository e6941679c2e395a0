using AttackDash.Operations.Digest;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Reviews;

/// <summary>
/// Opens the review of the week just ended at the configured time, and mails the digest. A run missed
/// while the host was down is made at start; a run that fails (the database away) is retried with
/// backoff until it succeeds. Nothing here stops the host.
/// </summary>
internal sealed class ReviewWorker(
    IOptions<ReviewScheduleOptions> schedule, AttackDashDatabase database, IServiceScopeFactory scopes,
    ReviewStatus status, TimeProvider clock, ILogger<ReviewWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Value.Enabled)
            return;
        await database.WhenReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await WithRetryAsync(() => CatchUpAsync(ReviewService.WeekStartOf(NextRun(now).AddDays(-7)).AddDays(-7), stoppingToken), stoppingToken);
            await Task.Delay(NextRun(clock.GetUtcNow()) - clock.GetUtcNow(), clock, stoppingToken);
        }
    }

    /// <summary>The next configured day and hour (UTC) after <paramref name="now"/>.</summary>
    internal DateTimeOffset NextRun(DateTimeOffset now)
    {
        var o = schedule.Value;
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddHours(o.Hour), TimeSpan.Zero);
        var days = ((int)o.Day - (int)today.DayOfWeek + 7) % 7;
        var next = today.AddDays(days);
        return next > now ? next : next.AddDays(7);
    }

    private async Task WithRetryAsync(Func<Task> run, CancellationToken ct)
    {
        for (var delay = schedule.Value.RetryDelay; ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks)))
        {
            try
            {
                await run();
                status.Succeeded();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ReviewFailed(logger, e, delay);
                status.Failed(e);
            }
            await Task.Delay(delay, clock, ct);
        }
    }

    /// <summary>Opens and mails the review of <paramref name="week"/> unless it is open already (a restart, a retry).</summary>
    private async Task CatchUpAsync(DateOnly week, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<IReviewService>();
        // Open already (a restart, a retry), or nothing stored yet: a review opened before the first
        // import (the demo year loads in the background) would stay empty.
        if (await reviews.IsOpenAsync(week, ct) || !await scope.ServiceProvider.GetRequiredService<StoreContents>().HasEventsAsync(ct))
            return;
        var review = await reviews.OpenAsync(week, ct);
        Log.ReviewOpened(logger, week, review.Items.Count);
        try
        {
            await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(review, ct);
        }
        catch (IOException e)
        {
            Log.DigestFailed(logger, e);
        }
    }
}
