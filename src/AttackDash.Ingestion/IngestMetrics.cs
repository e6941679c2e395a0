using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AttackDash.Core.Events;

namespace AttackDash.Ingestion;

/// <summary>
/// The followers' instruments (meter <see cref="MeterName"/>), which the web host exports at /metrics: per
/// followed log, the lines and events by kind committed, the batches, the retries after a database
/// error, and when it last committed. Static, as the CLI makes its followers by hand; an instrument
/// nobody listens to costs a branch.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "AttackDash.Ingest";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Lines = Meter.CreateCounter<long>("attackdash.ingest.lines", "{line}", "Log lines committed by a follower");
    private static readonly Counter<long> Events = Meter.CreateCounter<long>("attackdash.ingest.events", "{event}", "Events committed by a follower, by kind");
    private static readonly Counter<long> Batches = Meter.CreateCounter<long>("attackdash.ingest.batches", "{batch}", "Batches committed with their checkpoint");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("attackdash.ingest.retries", "{retry}", "Database calls retried after an error");
    private static readonly ConcurrentDictionary<string, DateTimeOffset> LastCommits = new(StringComparer.Ordinal);

    /// <summary>Creates the last-commit gauge once; the class's other members make the counters.</summary>
    public static readonly ObservableGauge<double> LastCommit = Meter.CreateObservableGauge(
        "attackdash.ingest.last_commit",
        () => LastCommits.Select(p => new Measurement<double>(p.Value.ToUnixTimeMilliseconds() / 1000.0, Source(p.Key))),
        "s", "When the follower last committed a batch (Unix time): time() minus this is the ingest lag");

    internal static void Committed(string source, List<MailEvent> events, long lines, DateTimeOffset now)
    {
        var tag = Source(source);
        Lines.Add(lines, tag);
        Batches.Add(1, tag);
        foreach (var group in events.GroupBy(e => e.Kind))
            Events.Add(group.Count(), tag, new KeyValuePair<string, object?>("kind", group.Key.Name()));
        LastCommits[source] = now;
    }

    internal static void Retried(string source) => Retries.Add(1, Source(source));

    private static KeyValuePair<string, object?> Source(string path) => new("source", path);
}
