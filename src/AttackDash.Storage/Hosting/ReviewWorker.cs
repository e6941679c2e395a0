using AttackDash.Storage.Blocking;
using AttackDash.Storage.Digest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Storage.Hosting;

/// <summary>Opens the review of the week just ended at the configured time, and mails the digest.</summary>
internal sealed class ReviewWorker(
    IOptions<ReviewScheduleOptions> schedule, IOptions<DigestOptions> digest, AttackDashDatabase database,
    TimeProvider clock, ILogger<ReviewWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Value.Enabled)
            return;
        var connectionString = await database.ConnectionStringAsync.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(NextRun(clock.GetUtcNow()) - clock.GetUtcNow(), clock, stoppingToken);
            await OpenAndMailAsync(connectionString, stoppingToken);
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

    private async Task OpenAndMailAsync(string connectionString, CancellationToken ct)
    {
        var o = schedule.Value;
        var week = ReviewService.WeekStartOf(clock.GetUtcNow()).AddDays(-7);
        var review = await new ReviewService(connectionString, new ReviewPolicy(o.MinEvents, o.AnyInjection), clock).OpenAsync(week, ct);
        Log.ReviewOpened(logger, week, review.Items.Count);
        try
        {
            await DigestMailer.SendAsync(connectionString, digest.Value, review, clock.GetUtcNow(), ct);
        }
        catch (IOException e)
        {
            Log.DigestFailed(logger, e);
        }
    }
}
