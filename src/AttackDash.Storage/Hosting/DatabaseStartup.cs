using AttackDash.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AttackDash.Storage.Hosting;

/// <summary>
/// Runs first among the hosted services: opens the <see cref="StoreSession"/> (the configured database
/// or the embedded cluster, migrated) and publishes its data source to <see cref="AttackDashDatabase"/>.
/// Closes it when the host stops.
/// </summary>
internal sealed class DatabaseStartup(
    IConfiguration configuration, IOptions<DatabaseOptions> options, AttackDashDatabase database, ILogger<DatabaseStartup> logger) : IHostedService
{
    private StoreSession? _session;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _session = await StoreSession.OpenAsync(configuration, options.Value.MigrateOnStart, name => Log.MigrationApplied(logger, name), cancellationToken);
            if (_session.IsEmbedded)
                Log.EmbeddedStarted(logger, _session.EmbeddedRoot!, _session.EmbeddedPort!.Value);
            database.SetReady(_session.DataSource);
        }
        catch (Exception e) when (e is PostgresUnavailableException or NpgsqlException)
        {
            database.SetFailed(e);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_session is not null)
            await _session.DisposeAsync();
    }
}
