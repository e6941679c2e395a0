using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Operations;

/// <summary>
/// A worker that runs a round once the store is ready, then every <see cref="Interval"/>. A failed round
/// goes to <see cref="RoundFailed"/> and the next one tries again; nothing here stops the host.
/// </summary>
internal abstract class PeriodicWorker(AttackDashDatabase database, TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Null: the worker is off.</summary>
    protected abstract TimeSpan? Interval { get; }

    protected abstract Task RoundAsync(CancellationToken ct);

    protected abstract void RoundFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
            return;
        await database.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval, Clock);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoundFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
