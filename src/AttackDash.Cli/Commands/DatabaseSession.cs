using AttackDash.Storage;
using AttackDash.Storage.Embedded;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The database a command works on: <c>ConnectionStrings__AttackDash</c> when set, else the embedded
/// private cluster (folder: <c>AttackDash__EmbeddedRoot</c>, default /var/lib/attackdash as root),
/// migrated automatically and stopped again when the command ends.
/// </summary>
internal sealed class DatabaseSession : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private DatabaseSession(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }

    public static async Task<DatabaseSession> OpenAsync(bool migrate, TextWriter stderr, CancellationToken ct = default)
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__AttackDash");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (migrate)
                await MigrateAsync(configured, stderr, ct);
            return new DatabaseSession(configured, null);
        }
        EmbeddedPostgres embedded;
        try
        {
            embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = Environment.GetEnvironmentVariable("AttackDash__EmbeddedRoot") }, ct);
        }
        catch (PostgresUnavailableException e)
        {
            throw new UsageException($"no database: {e.Message}");
        }
        // The embedded default is always brought up to date: there is nobody else to run migrate.
        await MigrateAsync(embedded.ConnectionString, stderr, ct);
        return new DatabaseSession(embedded.ConnectionString, embedded);
    }

    private static async Task MigrateAsync(string connectionString, TextWriter stderr, CancellationToken ct)
    {
        foreach (var name in await StoreMigrator.MigrateAsync(connectionString, ct))
            stderr.WriteLine($"attackdash: applied migration {name}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null)
            await _embedded.DisposeAsync();
    }
}
