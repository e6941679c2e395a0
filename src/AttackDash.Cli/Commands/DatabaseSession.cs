using AttackDash.Storage.Embedded;
using AttackDash.Storage.Hosting;
using Npgsql;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The store a command works on, opened from the same settings as the web host's
/// (<see cref="StoreSession"/>): <c>ConnectionStrings__AttackDash</c> when set, else the embedded
/// private cluster (folder: <c>AttackDash__EmbeddedRoot</c>, default /var/lib/attackdash as root),
/// migrated automatically and stopped again when the command ends.
/// </summary>
internal sealed class DatabaseSession : IAsyncDisposable
{
    private readonly StoreSession _session;

    private DatabaseSession(StoreSession session) => _session = session;

    public NpgsqlDataSource DataSource => _session.DataSource;

    public static async Task<DatabaseSession> OpenAsync(bool migrate, TextWriter stderr, CancellationToken ct = default)
    {
        try
        {
            return new DatabaseSession(await StoreSession.OpenAsync(CliSettings.Configuration, migrate,
                name => stderr.WriteLine($"attackdash: applied migration {name}"), ct));
        }
        catch (PostgresUnavailableException e)
        {
            throw new UsageException($"no database: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
