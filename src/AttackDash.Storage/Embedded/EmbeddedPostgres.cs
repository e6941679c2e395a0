using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace AttackDash.Storage.Embedded;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries: created on first use in
/// its own folder, listening on 127.0.0.1 only with a generated password. A running server is reused;
/// dispose leaves it, and the last user stops it (EmbeddedPostgres.Leases.cs).
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private const string User = "attackdash";
    private readonly ProcessRunner _runner;
    private readonly string _bin;
    private readonly string _data;

    private EmbeddedPostgres(string bin, string root, ProcessRunner runner)
    {
        _bin = bin;
        _runner = runner;
        Root = root;
        _data = Path.Combine(root, "pgdata");
    }

    public string Root { get; }
    public int Port { get; private set; }

    /// <summary>The application's connection: the non-superuser role that owns the database (see EmbeddedPostgres.Roles.cs).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The cluster's superuser, for creating databases and roles; never handed to the application.</summary>
    internal string AdminConnectionString { get; private set; } = "";

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var bin = options.BinDirectory ?? FindBinDirectory()
            ?? throw new PostgresUnavailableException($"No PostgreSQL server binaries in /usr/lib/postgresql/*/bin. {PostgresUnavailableException.Advice}");
        var root = Path.GetFullPath(options.RootDirectory ?? EmbeddedPostgresOptions.DefaultRoot());
        var runner = new ProcessRunner(Environment.UserName == "root" ? "postgres" : null);
        var pg = new EmbeddedPostgres(bin, root, runner);
        Directory.CreateDirectory(root);
        await using (await pg.LockAsync(ct))
        {
            await pg.InitializeAsync(ct);
            await pg.EnsureRunningAsync(options.Port, ct);
            pg.TakeLease();
        }
        try
        {
            await pg.EnsureDatabaseAsync(options.Database, ct);
        }
        catch
        {
            await pg.StopAsync();
            throw;
        }
        return pg;
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin that has initdb and pg_ctl, or null.</summary>
    public static string? FindBinDirectory(string root = "/usr/lib/postgresql") =>
        !Directory.Exists(root) ? null : Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version).Select(d => d.Dir).FirstOrDefault();

    // Bulk ingest writes hundreds of MB per minute: fewer checkpoints and a larger cache than the defaults,
    // and WAL segments kept for reuse and not zero-filled when new (that write only showed up in profiles).
    private const string Tuning = "-c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_buffers=16MB -c wal_init_zero=off -c min_wal_size=2GB";

    private string PasswordFile => Path.Combine(Root, "password");

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(_data, "PG_VERSION")))
            return;
        Directory.CreateDirectory(Root);
        // The server user must be able to reach its data folder through this one.
        SetMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await WritePrivateAsync(PasswordFile, password, ct);
        var initPassword = Path.Combine(Root, "initdb.pw");
        await WritePrivateAsync(initPassword, password, ct);
        Directory.CreateDirectory(_data);
        await _runner.GiveAsync(_data);
        await _runner.GiveAsync(initPassword);
        try
        {
            await _runner.RunAsync(Path.Combine(_bin, "initdb"),
                ["-D", _data, "-U", User, "--pwfile", initPassword, "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale"], ct);
        }
        finally
        {
            File.Delete(initPassword);
        }
    }

    private async Task EnsureRunningAsync(int port, CancellationToken ct)
    {
        Port = RunningPort() ?? 0;
        if (Port == 0)
        {
            Port = port != 0 ? port : FreePort();
            await _runner.RunAsync(Path.Combine(_bin, "pg_ctl"),
                ["-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "-t", "60",
                 "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' {Tuning}", "start"], ct);
        }
        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = User, Password = password, Database = "postgres",
        }.ConnectionString;
    }

    // postmaster.pid line 4 is the port; the file exists while a server runs (or after a crash: checked by pg_ctl status).
    private int? RunningPort()
    {
        var pidFile = Path.Combine(_data, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        try
        {
            _runner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "status"]).GetAwaiter().GetResult();
        }
        catch (PostgresUnavailableException)
        {
            return null;
        }
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], out var p) ? p : null;
    }

    /// <summary>Created with mode 0600, never readable by others even for a moment; a leftover of an interrupted first start is replaced.</summary>
    private static async Task WritePrivateAsync(string path, string text, CancellationToken ct)
    {
        await using var file = Core.Input.PrivateFile.Create(path);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(text.AsMemory(), ct);
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Leaves the cluster; stops the server when no other live process or instance uses it. Idempotent.</summary>
    public async Task StopAsync()
    {
        if (_lease is null)
            return;
        await using (await LockAsync(CancellationToken.None))
        {
            if (!LeaveAndCheckLast() || RunningPort() is null)
                return;
            NpgsqlConnection.ClearAllPools();
            await _runner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "stop"]);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
