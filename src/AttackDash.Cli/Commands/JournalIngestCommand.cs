using System.Globalization;
using AttackDash.Core.Input;
using AttackDash.GeoIp;
using AttackDash.Ingestion;
using AttackDash.Ingestion.Journal;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using Microsoft.Extensions.Options;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash ingest --journal [--follow] [MATCH...]</c>: the journal of a host with no mail log file.</summary>
internal static class JournalIngestCommand
{
    public static async Task<int> RunAsync(ArgList a, IngestOptions options, ReadOptions read, CliContext cli)
    {
        if (a.Positionals.Contains("-"))
            throw new UsageException("--journal reads journalctl, not stdin");
        if (JournalOptions.Problem(a.Positionals) is { } invalid)
            throw new UsageException(invalid);
        if (a.Value("--directory") is { } dir && !Directory.Exists(dir))
            throw new UsageException($"--directory {dir}: no such directory");
        var journal = new JournalOptions
        {
            Matches = a.Positionals.Count > 0 ? a.Positionals.ToList() : JournalOptions.DefaultMatches,
            Directory = a.Value("--directory"),
        };
        await using var db = await cli.OpenDatabaseAsync();
        var geoIp = cli.Service<GeoIpOptions>();
        var database = cli.Service<IOptions<DatabaseOptions>>();
        if (a.Flag("--follow"))
            return await IngestCommand.FollowAsync(journal.Name, [ct => IngestAsync(journal, true, db.DataSource, database, options, read, cli, ct)], db.DataSource, geoIp, cli);
        await IngestAsync(journal, false, db.DataSource, database, options, read, cli, CancellationToken.None);
        return await IngestCommand.AfterIngestAsync(db.DataSource, geoIp, cli);
    }

    private static async Task IngestAsync(JournalOptions journal, bool follow, Npgsql.NpgsqlDataSource dataSource, IOptions<DatabaseOptions> database,
        IngestOptions options, ReadOptions read, CliContext cli, CancellationToken ct)
    {
        await using var store = new EventStore(dataSource, database);
        var result = await new JournalIngestor(store, options, read, journal, cli.Error).IngestAsync(follow, ct);
        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Path}: {result.Lines:#,0} entries read, {result.NewEvents:#,0} new events, {result.MalformedLines:#,0} malformed; {string.Join(' ', result.ByKind.Select(k => $"{k.Key}={k.Value:#,0}"))}"));
    }
}
