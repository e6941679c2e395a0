using AttackDash.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Storage.Hosting;

/// <summary>
/// Runs first among the hosted services: starts the embedded cluster when no connection string is
/// configured, applies migrations, and publishes the connection to <see cref="AttackDashDatabase"/>.
/// Stops the embedded cluster when the host stops.
/// </summary>
internal sealed class DatabaseStartup(
    IConfiguration configuration, IOptions<DatabaseOptions> options, AttackDashDatabase database, ILogger<DatabaseStartup> logger) : IHostedService
{
    private EmbeddedPostgres? _embedded;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = configuration.GetConnectionString("AttackDash") is { Length: > 0 } configured
                ? configured
                : await StartEmbeddedAsync(cancellationToken);
            if (options.Value.MigrateOnStart || _embedded is not null)
                await MigrateAsync(connectionString, cancellationToken);
            database.SetReady(connectionString);
        }
        catch (Exception e) when (e is PostgresUnavailableException or Npgsql.NpgsqlException)
        {
            database.SetFailed(e);
            throw;
        }
    }

    private async Task<string> StartEmbeddedAsync(CancellationToken ct)
    {
        // The CLI's variable counts too, so that `attackdash ingest` and the dashboard find the same cluster.
        var root = options.Value.EmbeddedRoot ?? Environment.GetEnvironmentVariable("AttackDash__EmbeddedRoot");
        _embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = root }, ct);
        Log.EmbeddedStarted(logger, _embedded.Root, _embedded.Port);
        return _embedded.ConnectionString;
    }

    private async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        foreach (var name in await StoreMigrator.MigrateAsync(connectionString, ct))
            Log.MigrationApplied(logger, name);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_embedded is not null)
            await _embedded.DisposeAsync();
    }
}
