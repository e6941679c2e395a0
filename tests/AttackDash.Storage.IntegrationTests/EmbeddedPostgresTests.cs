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
