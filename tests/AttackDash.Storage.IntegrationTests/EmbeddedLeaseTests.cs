using System.Diagnostics;
using AttackDash.Storage.Embedded;
using Npgsql;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// The dashboard and `attackdash` share the embedded cluster's folder, and either may start the server.
/// The one that started it used to stop it on exit, under the other one's feet.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EmbeddedLeaseTests
{
    [Fact]
    public async Task A_command_that_started_the_cluster_leaves_it_running_for_the_dashboard_and_the_last_user_stops_it()
    {
        using var dir = new TempDir();
        using var cluster = new ClusterFolder();
        var root = cluster.Path;
        File.WriteAllText(dir.File("maillog"), "");
        // `ingest --follow` starts the cluster first and keeps it for as long as it runs.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var follow = StartCli(root, output, "ingest", "--follow", dir.File("maillog"));
        await WaitForAsync(() => output.Any(l => l.Contains("following", StringComparison.Ordinal)), follow);
        Assert.Single(Directory.GetFiles(Path.Combine(root, "leases")));

        var dashboard = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = root });
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, "leases")).Length);
        Stop(follow);
        Assert.Equal(0, follow.ExitCode);

        await using (var conn = new NpgsqlConnection(dashboard.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT 1", conn);
            Assert.Equal(1, await cmd.ExecuteScalarAsync());
        }
        await dashboard.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(root, "pgdata", "postmaster.pid")), "the last user stops the server");
    }

    [Fact]
    public async Task A_lease_left_by_a_killed_process_does_not_keep_the_server_running()
    {
        using var cluster = new ClusterFolder();
        var root = cluster.Path;
        var first = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { RootDirectory = root });
        // What kill -9 leaves: the lease of a process that no longer exists.
        File.WriteAllText(Path.Combine(root, "leases", $"{int.MaxValue - 1}-dead"), "");
        await first.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(root, "pgdata", "postmaster.pid")));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "leases")));
    }

    /// <summary>Beside the fixture's cluster: TempDir is 0700, and the server runs as postgres when we are root.</summary>
    private sealed class ClusterFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"attackdash-lease-{Guid.NewGuid():N}");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A server that failed to stop keeps its files; a leftover in /tmp is harmless.
            }
        }
    }

    /// <summary>The command in its own process; <paramref name="output"/> collects stdout and stderr.</summary>
    private static Process StartCli(string root, System.Collections.Concurrent.ConcurrentQueue<string> output, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "attackdash.dll"), .. args]);
        start.Environment["ConnectionStrings__AttackDash"] = "";
        start.Environment["AttackDash__EmbeddedRoot"] = root;
        return ChildProcess.Start(start, output);
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            Assert.False(process.HasExited, "the command ended early");
            await Task.Delay(100);
        }
        Assert.True(condition());
    }

    /// <summary>SIGTERM, as systemd stops a service: the command leaves the cluster and exits.</summary>
    private static void Stop(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
            kill.WaitForExit();
        Assert.True(process.WaitForExit(60_000), "the command did not stop on SIGTERM");
    }
}
