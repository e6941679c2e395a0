namespace AttackDash.Storage.Hosting;

/// <summary>
/// The connection string every service of the host uses. It is known once <see cref="DatabaseStartup"/>
/// has run: from configuration, or from the embedded cluster it started.
/// </summary>
public sealed class AttackDashDatabase
{
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> ConnectionStringAsync => _ready.Task;

    internal void SetReady(string connectionString) => _ready.TrySetResult(connectionString);

    internal void SetFailed(Exception e) => _ready.TrySetException(e);
}
