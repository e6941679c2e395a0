using AttackDash.Storage.Ingest;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash prune --keep 400d</c>: drops raw events past the retention age, a month at a time.</summary>
internal static class PruneCommand
{
    public const string Usage = """
        usage: attackdash prune --keep D      (e.g. 400d; by default AttackDash keeps everything)
        Drops each monthly partition of raw events whose newest possible event is older than D.
        Hourly rollups and per-IP summaries are kept. AttackDash__RetentionDays makes ingest do this too.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--keep"], []);
        if (a.Value("--keep") is null)
            throw new UsageException("--keep D is required, e.g. --keep 400d");
        var keep = a.Duration("--keep", TimeSpan.Zero);
        await using var db = await cli.OpenDatabaseAsync();
        var dropped = await Retention.DropOlderThanAsync(db.DataSource, DateTimeOffset.UtcNow - keep);
        cli.Out.WriteLine(dropped.Count == 0 ? "attackdash: nothing older than the retention age" : $"attackdash: dropped {string.Join(", ", dropped)}");
        return 0;
    }
}
