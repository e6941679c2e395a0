using System.Globalization;
using AttackDash.Core.Reports;
using AttackDash.Storage.Queries;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash status</c>: on the console, the store's side of /metrics and /healthz/ready.</summary>
internal static class StatusCommand
{
    public const string Usage = """
        usage: attackdash status [--days N] [--max-silence D]
        What the store says about ingest and blocking, as /metrics and /healthz/ready do, for the workers
        of every host: each log path committed to in the last N days (default 7) with its lines and its
        last commit, then the active blocks and the open review items. Exit 3 when the database does not answer.
          --max-silence D        exit 1 when no log is listed, or one committed nothing for longer than D
                                 (e.g. 1h): a health check for an ingest worker (docker-compose.yml)
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--days", "--max-silence"], []);
        var days = a.Int("--days", 7, 1, 36_600);
        var maxSilence = a.Value("--max-silence") is null ? (TimeSpan?)null : a.Duration("--max-silence", TimeSpan.Zero);
        await using var db = await cli.OpenDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        var status = await new OperationsQueries(db.DataSource).ReadAsync(now, TimeSpan.FromDays(days));
        var o = cli.Out;
        var span = days == 1 ? "day" : $"{days} days";
        o.WriteLine(status.Sources.Count == 0 ? $"logs: none committed to in the last {span}" : $"logs committed to in the last {span}:");
        var width = status.Sources.Select(s => s.Path.Length).DefaultIfEmpty(0).Max();
        foreach (var s in status.Sources)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Path.PadRight(width)}  {s.Lines,14:#,0} lines  last commit {s.LastCommit.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Elapsed.Format(now - s.LastCommit)} ago)"));
        }
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"active blocks: {status.ActiveBlocks:#,0}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open review items: {status.OpenReviewItems:#,0}"));
        return maxSilence is { } max ? Silence(status.Sources, now, max, $"--days {days} --max-silence {a.Value("--max-silence")}", cli.Error) : 0;
    }

    private static int Silence(IReadOnlyList<SourceProgress> sources, DateTimeOffset now, TimeSpan max, string given, TextWriter stderr)
    {
        var silent = sources.Where(s => now - s.LastCommit > max).ToList();
        foreach (var s in silent)
            stderr.WriteLine($"attackdash: {s.Path} committed nothing for {Elapsed.Format(now - s.LastCommit)} ({given})");
        if (sources.Count == 0)
            stderr.WriteLine($"attackdash: no log committed to in the last days asked for ({given})");
        return sources.Count == 0 || silent.Count > 0 ? 1 : 0;
    }
}
