using AttackDash.Storage.Embedded;
using Npgsql;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class EmbeddedPostgresTests(PostgresFixture pg)
{
    [Fact]
    public async Task The_private_cluster_listens_on_loopback_and_refuses_a_wrong_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(pg.ServerConnectionString);
        Assert.Equal("127.0.0.1", builder.Host);
        await using (var ok = new NpgsqlConnection(pg.ServerConnectionString))
        {
            await ok.OpenAsync();
            await using var cmd = new NpgsqlCommand("SHOW listen_addresses", ok);
            Assert.Equal("127.0.0.1", await cmd.ExecuteScalarAsync());
        }
        builder.Password = "wrong";
        await using var bad = new NpgsqlConnection(builder.ConnectionString);
        var e = await Assert.ThrowsAsync<PostgresException>(() => bad.OpenAsync());
        Assert.Equal("28P01", e.SqlState);
    }

    [Fact]
    public async Task The_application_connects_as_a_role_that_is_not_superuser_and_owns_its_database_even_one_made_before_it()
    {
        // A store made the old way: the superuser created and migrated it.
        await using (var admin = new NpgsqlConnection(pg.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE store_before_roles", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(pg.ServerConnectionString) { Database = "store_before_roles" }.ConnectionString;
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);

        await using var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = pg.Root, Database = "store_before_roles" });
        Assert.Equal(EmbeddedPostgres.AppUser, new NpgsqlConnectionStringBuilder(embedded.ConnectionString).Username);
        await using var conn = new NpgsqlConnection(embedded.ConnectionString);
        await conn.OpenAsync();
        await using (var who = new NpgsqlCommand(
            "SELECT r.rolsuper OR r.rolcreatedb OR r.rolcreaterole, pg_get_userbyid(d.datdba), " +
            "(SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user) " +
            "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()", conn))
        await using (var r = await who.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            Assert.False(r.GetBoolean(0));
            Assert.Equal(EmbeddedPostgres.AppUser, r.GetString(1));
            Assert.Equal(0, r.GetInt64(2));
        }
        // As the owner it migrates, creates partitions and analyzes them.
        cs = embedded.ConnectionString;
        using var dir = new TempDir();
        File.WriteAllText(dir.File("maillog"), "2025-03-03T10:00:00Z mx sm-mta[1]: [62.233.50.1]: possible SMTP attack: command=AUTH, count=5\n");
        Assert.Equal(0, TestCli.Run(cs, "ingest", dir.File("maillog")).Exit);
        foreach (var file in new[] { "password", "app-password" })
            Assert.Equal(OperatingSystem.IsWindows() ? default : UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(Path.Combine(pg.Root, file)));
    }

    [Fact]
    public async Task Without_server_binaries_the_message_says_how_to_install_or_configure()
    {
        Assert.Null(EmbeddedPostgres.FindBinDirectory("/nonexistent"));
        var e = await Assert.ThrowsAsync<PostgresUnavailableException>(() =>
            EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { BinDirectory = "/nonexistent/bin", RootDirectory = Path.Combine(Path.GetTempPath(), "attackdash-nobin") }));
        Assert.Contains("initdb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_reuses_the_running_server_and_leaves_it_running()
    {
        var root = new Npgsql.NpgsqlConnectionStringBuilder(pg.ServerConnectionString);
        await using var second = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = pg.Root, Database = "postgres" });
        Assert.Equal(root.Port, second.Port);
        await second.StopAsync();
        await using var conn = new NpgsqlConnection(pg.ServerConnectionString);
        await conn.OpenAsync();
    }
}
