using System.Globalization;
using AttackDash.Core.Reports;
using AttackDash.Ingestion.Hosting;
using AttackDash.Operations.Reviews;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Queries;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Live;

/// <summary>
/// /healthz for compose, systemd and monitoring: 503 "unhealthy" when the store does not answer,
/// 200 "degraded" while a follower is restarting or the weekly review retrying after a failure, else 200 "ok".
/// /healthz/ready adds the ingest lag: "degraded" when a watched log (<see cref="HealthOptions"/>) has
/// committed nothing for longer than Health:MaxSilence, and, to loopback clients only, one line per watched log.
/// Anonymous, and tells others no more than that (the details are on the admins' status page).
/// </summary>
internal static class Health
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (AttackDashDatabase database, FollowStatus follow, ReviewStatus review, CancellationToken ct) =>
            await StoreAnswersAsync(database, ct) ? Results.Text(State(follow, review)) : Unhealthy()).AllowAnonymous();
        app.MapGet("/healthz/ready", ReadyAsync).AllowAnonymous();
    }

    private static async Task<IResult> ReadyAsync(HttpContext http, AttackDashDatabase database, FollowStatus follow, ReviewStatus review, IOptions<HealthOptions> options,
        IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        if (!await StoreAnswersAsync(database, ct))
            return Unhealthy();
        var now = clock.GetUtcNow();
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<IOperationsQueries>().ReadAsync(now, TimeSpan.FromDays(3660), ct);
        var lastCommits = snapshot.Sources.ToDictionary(s => s.Path, s => s.LastCommit, StringComparer.Ordinal);
        var watched = follow.Followers.Select(f => f.Path).Concat(o.Sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = watched.Select(path => lastCommits.TryGetValue(path, out var at)
            ? (Silent: now - at > o.MaxSilence, Text: $"{path}: last commit {Elapsed.Format(now - at)} ago")
            : (Silent: true, Text: $"{path}: nothing committed yet")).ToList();
        var state = State(follow, review);
        var silent = lines.Count(l => l.Silent);
        if (state == "ok" && silent > 0)
            state = string.Create(CultureInfo.InvariantCulture, $"degraded: {silent} watched log(s) silent for more than {Elapsed.Format(o.MaxSilence)} (Health:MaxSilence)");
        // Log paths and their timing are for this host's monitoring, not for whoever reaches the dashboard.
        return Results.Text(string.Join('\n', [state, .. Metrics.IsLoopback(http) ? lines.Select(l => l.Text) : []]) + "\n");
    }

    private static Task<bool> StoreAnswersAsync(AttackDashDatabase database, CancellationToken ct) =>
        StoreHealth.AnswersAsync(database, TimeSpan.FromSeconds(3), ct);

    private static IResult Unhealthy() =>
        Results.Text("unhealthy: the database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static string State(FollowStatus follow, ReviewStatus review) =>
        follow.Degraded.Count > 0 ? $"degraded: {follow.Degraded.Count} followed log(s) restarting after an error"
        : review.LastError is not null ? "degraded: the weekly review is retrying after an error"
        : "ok";
}
