using AttackDash.Storage.Embedded;
using Npgsql;

namespace AttackDash.Tests.Shared;

/// <summary>
/// One fresh private PostgreSQL cluster per test run, from the machine's own server binaries, on a
/// free port; each test gets a database of its own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"attackdash-it-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private EmbeddedPostgres? _server;
    private int _databases;

    /// <summary>The cluster's superuser on the maintenance database: the tests create their databases with it.</summary>
    public string ServerConnectionString => _server!.AdminConnectionString;

    public string Root => _root;

    public async Task InitializeAsync()
    {
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = _root, Database = "postgres" });
    }

    /// <summary>A new empty database; its connection string goes to the CLI (<see cref="TestCli"/>) and the web host explicitly.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        // The tests of the collection run one at a time: the previous test's idle pooled connections
        // (up to one per concurrent caller, kept 5 minutes) would add up to the server's 100.
        NpgsqlConnection.ClearAllPools();
        await Store.CloseAllAsync();
        await using (var conn = new NpgsqlConnection(ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        return cs;
    }

    /// <summary>Stops the server, runs <paramref name="whileDown"/>, and starts it again on the same port.</summary>
    public async Task RestartAsync(Func<Task> whileDown)
    {
        var port = _server!.Port;
        await _server.StopAsync();
        await whileDown();
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = _root, Database = "postgres", Port = port });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The server's files are the postgres user's; a leftover folder in /tmp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
