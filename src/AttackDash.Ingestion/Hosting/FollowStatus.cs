using System.Collections.Concurrent;

namespace AttackDash.Ingestion.Hosting;

/// <summary>One followed log as the status page and /healthz show it.</summary>
public sealed record FollowerState(string Path, string State, DateTimeOffset Since, int Restarts, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary>
/// What the host's followers are doing, for the admins' status page and /healthz: a follower that
/// failed recently makes the host "degraded" (it restarts itself with backoff; nothing is lost, since
/// it resumes from the stored checkpoint). Thread-safe; never throws.
/// </summary>
public sealed class FollowStatus(TimeProvider clock)
{
    /// <summary>How long after its last error a follower still counts as degraded.</summary>
    public static readonly TimeSpan DegradedFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, FollowerState> _states = new(StringComparer.Ordinal);

    public IReadOnlyList<FollowerState> Followers => [.. _states.Values.OrderBy(s => s.Path, StringComparer.Ordinal)];

    /// <summary>The followers that failed within <see cref="DegradedFor"/>, or none.</summary>
    public IReadOnlyList<FollowerState> Degraded =>
        [.. Followers.Where(s => s.LastErrorAt is { } at && clock.GetUtcNow() - at < DegradedFor)];

    internal void Following(string path) => _states.AddOrUpdate(path,
        p => new FollowerState(p, "following", clock.GetUtcNow(), 0, null, null),
        (_, s) => s with { State = "following", Since = clock.GetUtcNow() });

    internal void Failed(string path, Exception e, TimeSpan retryIn) => _states.AddOrUpdate(path,
        p => new FollowerState(p, Waiting(retryIn), clock.GetUtcNow(), 1, Describe(e), clock.GetUtcNow()),
        (_, s) => s with { State = Waiting(retryIn), Since = clock.GetUtcNow(), Restarts = s.Restarts + 1, LastError = Describe(e), LastErrorAt = clock.GetUtcNow() });

    private static string Waiting(TimeSpan retryIn) => $"restarting in {retryIn.TotalSeconds:0} s";

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
