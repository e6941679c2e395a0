using AttackDash.Ingestion.Hosting;
using AttackDash.Operations.Reviews;
using AttackDash.Storage.Hosting;

namespace AttackDash.Web.Live;

/// <summary>
/// /healthz for compose, systemd and monitoring: 503 "unhealthy" when the store does not answer,
/// 200 "degraded" while a follower is restarting or the weekly review retrying after a failure, else 200 "ok". Anonymous, and tells
/// no more than that (the details are on the admins' status page).
/// </summary>
internal static class Health
{
    public static void MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/healthz", async (AttackDashDatabase database, FollowStatus follow, ReviewStatus review, CancellationToken ct) =>
    {
        if (!await StoreHealth.AnswersAsync(database, TimeSpan.FromSeconds(3), ct))
            return Results.Text("unhealthy: the database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);
        if (follow.Degraded.Count > 0)
            return Results.Text($"degraded: {follow.Degraded.Count} followed log(s) restarting after an error");
        return review.LastError is null ? Results.Text("ok") : Results.Text("degraded: the weekly review is retrying after an error");
    }).AllowAnonymous();
}
