using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// The units say Type=notify: systemd waits for READY=1 on $NOTIFY_SOCKET, and kills a service that never
/// sends it. Here the test is systemd's side of that socket, and reads what journald would read.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SystemdServiceTests(PostgresFixture pg)
{
    [Fact]
    public async Task The_web_host_tells_systemd_it_is_ready_and_its_log_lines_carry_journald_priorities()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        using var notify = NotifySocket(dir.File("notify"));
        var output = new ConcurrentQueue<string>();
        // The hosting library counts as systemd's only a process whose parent is called "systemd": a shell of that name.
        Directory.CreateDirectory(dir.File("bin"));
        File.CreateSymbolicLink(dir.File("bin/systemd"), "/bin/sh");
        var dll = Path.Combine(AppContext.BaseDirectory, "AttackDash.Web.dll");
        using var web = Start(output, dir.File("notify"), cs, dir.File("bin/systemd"), ["-c", $"dotnet exec '{dll}'; exit $?"]);
        try
        {
            Assert.Contains("READY=1", await ReceiveAsync(notify, web), StringComparison.Ordinal);
            // Microsoft.Hosting.Lifetime's "Now listening on" at information: <6>, journald's LOG_INFO.
            Assert.Contains(output, l => l.StartsWith("<6>", StringComparison.Ordinal) && l.Contains("Now listening on", StringComparison.Ordinal));
        }
        finally
        {
            web.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_web_host_with_a_setting_that_breaks_its_rule_exits_with_2_which_the_units_do_not_restart()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var output = new ConcurrentQueue<string>();
        using var web = Start(output, dir.File("notify"), cs, "dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "AttackDash.Web.dll")],
            new() { ["Database__HourlyRollupDays"] = "1" });
        Assert.True(web.WaitForExit(60_000));
        web.WaitForExit();
        Assert.Equal(2, web.ExitCode);
        Assert.Contains(output, l => l.StartsWith("attackdash-web: ", StringComparison.Ordinal) && l.Contains("HourlyRollupDays", StringComparison.Ordinal));
        var unit = await File.ReadAllTextAsync(Repository.File("deploy", "systemd", "attackdash-web.service"));
        Assert.Contains("\nRestartPreventExitStatus=2\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ingest_follower_tells_systemd_it_is_ready_and_its_complaints_are_warnings_for_journald()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("maillog"), "");
        using var notify = NotifySocket(dir.File("notify"));
        var output = new ConcurrentQueue<string>();
        using (var follow = Start(output, dir.File("notify"), cs, "dotnet", ["exec", Cli, "ingest", "--follow", "--tz", "UTC", dir.File("maillog")]))
        {
            try
            {
                Assert.Contains("READY=1", await ReceiveAsync(notify, follow), StringComparison.Ordinal);
            }
            finally
            {
                follow.Kill(entireProcessTree: true);
            }
        }
        // A refused option is a complaint on stderr: under systemd it is marked <4>, LOG_WARNING.
        output.Clear();
        using var refused = Start(output, dir.File("notify"), cs, "dotnet", ["exec", Cli, "ingest", "--batch", "0", dir.File("maillog")]);
        Assert.True(refused.WaitForExit(60_000));
        refused.WaitForExit(); // and until the redirected output is read to its end
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(output, l => l.StartsWith("<4>attackdash: ", StringComparison.Ordinal) && l.Contains("--batch", StringComparison.Ordinal));
    }

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "attackdash.dll");

    private static Socket NotifySocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>The first datagram the service sends, within a minute; fails at once if the service ends first.</summary>
    private static async Task<string> ReceiveAsync(Socket socket, Process service)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask();
        await Task.WhenAny(received, service.WaitForExitAsync(timeout.Token));
        Assert.False(service.HasExited, $"the service ended with {(service.HasExited ? service.ExitCode : 0)} before it was ready");
        Assert.True(received.IsCompletedSuccessfully, "the service sent nothing to $NOTIFY_SOCKET within 60 s: systemd would kill it");
        return Encoding.UTF8.GetString(buffer, 0, await received);
    }

    /// <summary>A program in its own process, as a unit runs it: NOTIFY_SOCKET and JOURNAL_STREAM set, output collected by line.</summary>
    private static Process Start(ConcurrentQueue<string> output, string notifySocket, string connectionString, string program, string[] args, Dictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(program, args);
        start.Environment["NOTIFY_SOCKET"] = notifySocket;
        // What systemd sets when stdout and stderr go to the journal (device:inode of the stream).
        start.Environment["JOURNAL_STREAM"] = "8:12345";
        start.Environment["ConnectionStrings__AttackDash"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["GeoIp__Directory"] = "/nonexistent";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Review__Enabled"] = "false";
        foreach (var (key, value) in settings ?? [])
            start.Environment[key] = value;
        return ChildProcess.Start(start, output);
    }
}
