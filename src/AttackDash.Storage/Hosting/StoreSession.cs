using AttackDash.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AttackDash.Storage.Hosting;

/// <summary>
/// The store of one process: <c>ConnectionStrings:AttackDash</c> when configured, else the embedded
/// private cluster (folder: <c>Database:EmbeddedRoot</c> or <c>AttackDash:EmbeddedRoot</c>), which is
/// always migrated and left again on dispose (its last user stops it). The web host and the CLI both
/// open it this way.
/// </summary>
public sealed class StoreSession : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private StoreSession(NpgsqlDataSource dataSource, EmbeddedPostgres? embedded)
    {
        DataSource = dataSource;
        _embedded = embedded;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Whether this session uses the embedded cluster (and so migrated it whatever the options say).</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>Where the embedded cluster lives, when this session uses it.</summary>
    public string? EmbeddedRoot => _embedded?.Root;

    public int? EmbeddedPort => _embedded?.Port;

    /// <exception cref="PostgresUnavailableException">No connection string, and the embedded cluster could not start.</exception>
    public static async Task<StoreSession> OpenAsync(IConfiguration configuration, bool migrate, Action<string> migrated, CancellationToken ct = default)
    {
        var embedded = configuration.GetConnectionString("AttackDash") is { Length: > 0 }
            ? null
            : await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = EmbeddedRootOf(configuration) }, ct);
        var session = new StoreSession(StoreDataSource.Create(embedded?.ConnectionString ?? configuration.GetConnectionString("AttackDash")!), embedded);
        try
        {
            // The embedded default is always brought up to date: there is nobody else to run migrate.
            if (migrate || embedded is not null)
            {
                foreach (var name in await StoreMigrator.MigrateAsync(session.DataSource, ct))
                    migrated(name);
            }
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    // The CLI's variable (AttackDash__EmbeddedRoot) counts for the host too, so that both find the same cluster.
    private static string? EmbeddedRootOf(IConfiguration configuration) =>
        configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.EmbeddedRoot)}"] is { Length: > 0 } root ? root : configuration["AttackDash:EmbeddedRoot"];

    /// <summary>Closes the pool first, so that the cluster stops without clients to wait for.</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_embedded is not null)
            await _embedded.DisposeAsync();
    }
}
