using System.Globalization;
using AttackDash.Core.Input;
using AttackDash.GeoIp;
using AttackDash.Ingestion;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash ingest FILE...</c>: loads logs into the store, each event exactly once.</summary>
internal static class IngestCommand
{
    public const string Usage = """
        usage: attackdash ingest [options] FILE...
          --batch N              events per COPY batch and checkpoint (default 20000)
          --writers N            batches written at the same time, each on its own connection (default 2)
          --host NAME            record NAME as the MTA host of every event (default: each line's syslog host)
          --follow               keep tailing the files (rotation-safe) until stopped with Ctrl+C or SIGTERM
          --year Y, --tz ZONE    as for analyze
        Files already read (under any name, rotated or gzipped) add nothing; an interrupted ingest
        resumes where its last committed batch ended. FILE '-' reads stdin, alone and once, e.g. on a
        journald-only host: journalctl -u sendmail -o short-iso --since yesterday --until today | attackdash ingest -
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--batch", "--year", "--tz", "--host", "--writers"], ["--follow"]);
        var read = CommonOptions.Read(a);
        var options = new IngestOptions
        {
            BatchSize = a.Int("--batch", 20_000, 1, 10_000_000),
            MtaHost = a.Value("--host"),
            Writers = a.Int("--writers", 2, 1, 16),
        };
        var files = CommonOptions.Inputs(a);
        if (files.Contains("-") && (files.Count > 1 || a.Flag("--follow")))
            throw new UsageException("stdin ('-') is read alone and once (journalctl -u sendmail -o short-iso | attackdash ingest -); --follow needs a file");
        await using var db = await cli.OpenDatabaseAsync();
        var geoIp = cli.Service<GeoIpOptions>();
        var database = cli.Service<IOptions<DatabaseOptions>>();
        if (a.Flag("--follow"))
            return await FollowAsync(files, db.DataSource, database, options, read, geoIp, cli);
        await using (var stdin = files.Contains("-") ? await StdinSpool.CopyAsync() : null)
            await IngestFilesAsync(stdin is null ? files : [stdin.Path], db.DataSource, database, options, read, cli.Out, cli.Error, stdin);
        await ApplyRetentionAsync(db.DataSource, cli.Configuration, cli.Out);
        using var geo = new MaxMindGeoLocator(geoIp);
        var located = await GeoEnricher.EnrichAsync(new IpLocations(db.DataSource), geo);
        if (located > 0)
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attackdash: located {located:#,0} IPs"));
        return 0;
    }

    /// <summary>Reads a set oldest first, as analyze does, and prints one summary line per file.</summary>
    private static async Task IngestFilesAsync(List<string> files, NpgsqlDataSource dataSource, IOptions<DatabaseOptions> database, IngestOptions options, ReadOptions read, TextWriter stdout, TextWriter stderr, StdinSpool? stdin = null)
    {
        var writers = Enumerable.Range(0, options.Writers).Select(_ => new EventStore(dataSource, database)).ToList();
        try
        {
            var runner = new LogRunner(read, stderr);
            var plan = runner.Plan(files);
            var ingestor = new FileIngestor(writers, options, read);
            var progress = new ProgressBar(stderr, stderr == Console.Error && !Console.IsErrorRedirected);
            foreach (var (input, years) in plan)
            {
                var result = await ingestor.IngestAsync(input.Path, _ => years, progress);
                var name = stdin is not null ? "stdin" : result.Path;
                stdout.WriteLine(result.Skipped
                    ? $"{name}: already ingested, nothing new"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{name}: {result.Lines:#,0} lines, {result.NewEvents:#,0} new events, {result.MalformedLines:#,0} malformed; {string.Join(' ', result.ByKind.Select(k => $"{k.Key}={k.Value:#,0}"))}"));
            }
            await writers[0].PruneHoursAsync();
        }
        finally
        {
            foreach (var w in writers)
                await w.DisposeAsync();
        }
    }

    /// <summary>While following, new attacker IPs get their location every 30 s.</summary>
    private static async Task LocateNewIpsAsync(NpgsqlDataSource dataSource, GeoIpOptions geoIp, TextWriter stderr, CancellationToken ct)
    {
        using var geo = new MaxMindGeoLocator(geoIp);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await GeoEnricher.EnrichAsync(new IpLocations(dataSource), geo, ct);
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Npgsql.NpgsqlException e)
            {
                stderr.WriteLine($"attackdash: location lookup postponed: {e.Message}");
            }
        }
    }

    /// <summary>AttackDash:RetentionDays (default: unset, keep everything) prunes after each ingest.</summary>
    private static async Task ApplyRetentionAsync(NpgsqlDataSource dataSource, IConfiguration configuration, TextWriter stdout)
    {
        if (!int.TryParse(configuration["AttackDash:RetentionDays"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days <= 0)
            return;
        foreach (var name in await Retention.DropOlderThanAsync(dataSource, DateTimeOffset.UtcNow.AddDays(-days)))
            stdout.WriteLine($"attackdash: retention ({days} days) dropped {name}");
    }

    private static async Task<int> FollowAsync(List<string> files, NpgsqlDataSource dataSource, IOptions<DatabaseOptions> database, IngestOptions options, ReadOptions read, GeoIpOptions geoIp, CliContext cli)
    {
        var stderr = cli.Error;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                stop.Cancel();
            });
        // stdout: journald keeps it at info; stderr is for complaints (JournalPriorityWriter).
        cli.Out.WriteLine($"attackdash: following {string.Join(", ", files)}; Ctrl+C stops");
        // One follower per file, each with its own connection: a store serves one writer at a time.
        var followers = files.Select(async f =>
        {
            await using var own = new EventStore(dataSource, database);
            await new FileFollower(own, options, read, stderr).FollowAsync(f, stop.Token);
        }).ToList();
        followers.Add(LocateNewIpsAsync(dataSource, geoIp, stderr, stop.Token));
        // Type=notify: systemd counts the unit as started once the store is open and the followers run.
        var systemd = new SystemdNotifier();
        if (systemd.IsEnabled)
            systemd.Notify(ServiceState.Ready);
        await using var stopping = stop.Token.Register(() => { if (systemd.IsEnabled) systemd.Notify(ServiceState.Stopping); });
        await Task.WhenAll(followers);
        return 0;
    }
}
