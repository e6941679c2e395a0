using System.Globalization;
using AttackDash.Core.Reports;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Blocking;

/// <summary>
/// The live side of the policies, configured or saved from the Backtest page: every <see cref="BlockingOptions.LiveInterval"/>, each policy
/// in "propose" or "auto" mode finds the clients over its bar (<see cref="LiveCandidates"/>) and proposes,
/// or blocks, their networks through <see cref="IBlockingService"/>, so that the allowlist, the width
/// rule and the ban-time escalation apply as to any block.
/// </summary>
internal sealed class ProposalWorker(
    IOptions<BlockingOptions> options, AttackDashDatabase database, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<ProposalWorker> logger) : PeriodicWorker(database, clock)
{
    protected override TimeSpan? Interval => options.Value.LiveInterval;

    protected override void RoundFailed(Exception exception) => Log.ProposalRoundFailed(logger, exception);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The configured policies, then those saved from the Backtest page (a configured name wins).
        var configured = options.Value.Policies;
        var stored = await scope.ServiceProvider.GetRequiredService<IPolicyService>().ListAsync(ct);
        var policies = configured.Concat(stored.Where(s => configured.All(c => c.Name != s.Name)).Select(PolicySettings.From))
            .Where(p => p.Mode != "off").ToList();
        var candidates = scope.ServiceProvider.GetRequiredService<LiveCandidates>();
        var blocking = scope.ServiceProvider.GetRequiredService<IBlockingService>();
        foreach (var settings in policies)
        {
            var policy = settings.ToPolicy();
            foreach (var c in await candidates.OverAsync(settings.Window, settings.MinEvents, policy.PrefixV4, policy.PrefixV6, Clock.GetUtcNow(), ct))
            {
                var actor = $"policy:{settings.Name}";
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"policy {settings.Name}: {c.Ip} made {c.Events:N0} attack events in {Durations.Text(settings.Window)}{(c.Ips > 1 ? $", {c.Ips} IPs of {c.Network} over the bar" : "")}");
                try
                {
                    if (settings.Mode == "auto")
                        await blocking.BlockAsync(c.Network, reason, actor, ct: ct);
                    else
                        await blocking.ProposeAsync(c.Network, reason, actor, ct);
                    Log.LiveDecision(logger, settings.Name, settings.Mode == "auto" ? "blocked" : "proposed", c.Network.ToString());
                }
                catch (BlockRefusedException e)
                {
                    // The allowlist or a protected range: the same answer at every look, so not a warning.
                    Log.LiveRefused(logger, c.Network.ToString(), e.Message);
                }
            }
        }
    }
}
