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
               attackdash ingest --journal [--follow] [--directory DIR] [MATCH...]
          --batch N              events per COPY batch and checkpoint (default 20000)
          --writers N            batches written at the same time, each on its own connection (default 2)
          --host NAME            record NAME as the MTA host of every event (default: each line's syslog host)
          --follow               keep tailing the files (rotation-safe) until stopped with Ctrl+C or SIGTERM
          --year Y, --tz ZONE    as for analyze
        Files already read (under any name, rotated or gzipped) add nothing; an interrupted ingest
        resumes where its last committed batch ended. FILE '-' reads stdin, alone and once, e.g. on a
        journald-only host: journalctl -u sendmail -o short-iso --since yesterday --until today | attackdash ingest -
        --journal              read the systemd journal through journalctl -o json instead; its cursor is the
                               checkpoint, so each entry is stored once however often it runs or is killed.
                               MATCHes are journalctl's (FIELD=VALUE, '+' for or); the default is
                               SYSLOG_IDENTIFIER=sendmail SYSLOG_IDENTIFIER=sm-mta
                               SYSLOG_IDENTIFIER=sm-acceptingconnections + _SYSTEMD_UNIT=sendmail.service
          --directory DIR        with --journal: read the journal files in DIR (journalctl --directory)
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--batch", "--year", "--tz", "--host", "--writers", "--directory"], ["--follow", "--journal"]);
        var read = CommonOptions.Read(a);
        var options = new IngestOptions
        {
            BatchSize = a.Int("--batch", 20_000, 1, 10_000_000),
            MtaHost = a.Value("--host"),
            Writers = a.Int("--writers", 2, 1, 16),
        };
        if (a.Flag("--journal"))
            return await JournalIngestCommand.RunAsync(a, options, read, cli);
        if (a.Value("--directory") is not null)
            throw new UsageException("--directory names a journal directory: it needs --journal");
        var files = CommonOptions.Inputs(a);
        if (files.Contains("-") && (files.Count > 1 || a.Flag("--follow")))
            throw new UsageException("stdin ('-') is read alone and once (journalctl -u sendmail -o short-iso | attackdash ingest -); --follow needs a file");
        await using var db = await cli.OpenDatabaseAsync();
        var geoIp = cli.Service<GeoIpOptions>();
        var database = cli.Service<IOptions<DatabaseOptions>>();
        if (a.Flag("--follow"))
            return await FollowAsync(string.Join(", ", files), files.Select(f => Follower(f, db.DataSource, database, options, read, cli.Error)), db.DataSource, geoIp, cli);
        await using (var stdin = files.Contains("-") ? await StdinSpool.CopyAsync() : null)
            await IngestFilesAsync(stdin is null ? files : [stdin.Path], db.DataSource, database, options, read, cli.Out, cli.Error, stdin);
        return await AfterIngestAsync(db.DataSource, geoIp, cli);
    }

    /// <summary>What every one-shot ingest ends with: retention, then the location of new IPs.</summary>
    internal static async Task<int> AfterIngestAsync(NpgsqlDataSource dataSource, GeoIpOptions geoIp, CliContext cli)
    {
        await ApplyRetentionAsync(dataSource, cli.Configuration, cli.Out);
        using var geo = new MaxMindGeoLocator(geoIp);
        var located = await GeoEnricher.EnrichAsync(new IpLocations(dataSource), geo);
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

    // One follower per file, each with its own connection: a store serves one writer at a time.
    private static Func<CancellationToken, Task> Follower(string file, NpgsqlDataSource dataSource, IOptions<DatabaseOptions> database, IngestOptions options, ReadOptions read, TextWriter stderr) =>
        async ct =>
        {
            await using var own = new EventStore(dataSource, database);
            await new FileFollower(own, options, read, stderr).FollowAsync(file, ct);
        };

    /// <summary>Runs the followers, and the location of new IPs, until Ctrl+C or SIGTERM.</summary>
    internal static async Task<int> FollowAsync(string what, IEnumerable<Func<CancellationToken, Task>> run, NpgsqlDataSource dataSource, GeoIpOptions geoIp, CliContext cli)
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
        cli.Out.WriteLine($"attackdash: following {what}; Ctrl+C stops");
        var followers = run.Select(f => f(stop.Token)).ToList();
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
