using AttackDash.Storage.Embedded;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The store a command works on, opened from the same settings as the web host's
/// (<see cref="StoreSession"/>): <c>ConnectionStrings:AttackDash</c> when set, else the embedded
/// private cluster (folder: <c>AttackDash:EmbeddedRoot</c>, default /var/lib/attackdash as root),
/// migrated automatically and stopped again when the command ends (unless another process uses it).
/// </summary>
internal sealed class DatabaseSession : IAsyncDisposable
{
    private readonly StoreSession _session;

    private DatabaseSession(StoreSession session) => _session = session;

    public NpgsqlDataSource DataSource => _session.DataSource;

    public static async Task<DatabaseSession> OpenAsync(CliContext cli, IServiceProvider services, bool migrate, CancellationToken ct = default)
    {
        try
        {
            var session = await StoreSession.OpenAsync(cli.Configuration, migrate, name => cli.Error.WriteLine($"attackdash: applied migration {name}"), ct);
            // The host's store services (reviews, digests) now answer on it.
            services.GetRequiredService<AttackDashDatabase>().SetReady(session.DataSource);
            return new DatabaseSession(session);
        }
        catch (PostgresUnavailableException e)
        {
            throw new UsageException($"no database: {e.Message}");
        }
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
