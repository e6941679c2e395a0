using System.Data.Common;

namespace AttackDash.Ingestion;

/// <summary>Retries a store call while the database is unreachable, backing off up to <see cref="MaxBackoff"/>; never gives up until cancelled.</summary>
internal sealed class StoreRetry(TextWriter log, string source)
{
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (e is DbException or TimeoutException && !ct.IsCancellationRequested)
            {
                IngestMetrics.Retried(source);
                await log.WriteLineAsync($"attackdash: database unavailable ({e.Message.Split('\n')[0]}); retrying in {delay.TotalSeconds:0.#} s");
                await PauseAsync(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>A delay that cancellation cuts short without throwing: the caller's loop ends at its next check, after a last flush.</summary>
    public static async Task PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // See the summary.
        }
    }
}
