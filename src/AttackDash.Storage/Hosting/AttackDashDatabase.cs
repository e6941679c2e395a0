using Npgsql;

namespace AttackDash.Storage.Hosting;

/// <summary>
/// The data source every service of the host uses. It is known once <see cref="DatabaseStartup"/>
/// has run: from configuration, or from the embedded cluster it started.
/// </summary>
public sealed class AttackDashDatabase
{
    private readonly TaskCompletionSource<NpgsqlDataSource> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the store is migrated and reachable; faults when it could not be started.</summary>
    public Task<NpgsqlDataSource> DataSourceAsync => _ready.Task;

    /// <summary>
    /// Completes when the store is ready. Hosted services await it before they resolve store services:
    /// they are constructed before the database starts.
    /// </summary>
    public Task WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    /// <summary>Whether the data source is known: false before startup ends and after it failed.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The data source, for services resolved once the host has started (pages, requests).</summary>
    public NpgsqlDataSource DataSource => IsReady
        ? _ready.Task.Result
        : throw new InvalidOperationException("The store is not ready: the host has not started, or its database did not start (see the log).");

    /// <summary>Called once, by whoever opened the store: <see cref="DatabaseStartup"/>, or a CLI command's session.</summary>
    public void SetReady(NpgsqlDataSource dataSource) => _ready.TrySetResult(dataSource);

    internal void SetFailed(Exception e) => _ready.TrySetException(e);
}
