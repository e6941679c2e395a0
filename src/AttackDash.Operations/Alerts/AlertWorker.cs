using AttackDash.Storage.Alerts;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Alerts;

/// <summary>
/// Every <see cref="AlertOptions.Interval"/>: raises the alerts the newest lines call for (whichever
/// process ingested them: this host's follow worker or an <c>attackdash ingest --follow</c> unit), then
/// mails them and sends those the webhook has not accepted yet.
/// </summary>
internal sealed class AlertWorker(
    IOptions<AlertOptions> options, AttackDashDatabase database, IServiceScopeFactory scopes, WebhookSender webhook, AlertMailer mailer,
    TimeProvider clock, ILogger<AlertWorker> logger) : PeriodicWorker(database, clock)
{
    protected override TimeSpan? Interval => options.Value.Enabled ? options.Value.Interval : null;

    protected override void RoundFailed(Exception exception) => Log.AlertRoundFailed(logger, exception);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var alerts = scope.ServiceProvider.GetRequiredService<IAlertService>();
        foreach (var a in await alerts.RaiseAsync(Clock.GetUtcNow() - o.Horizon, new AlertRules(o.RaisedKinds, o.LookBack, o.Quiet, o.CampaignIps, o.HeavyHitterEvents), ct))
        {
            Log.AlertRaised(logger, a.Kind, a.Ip);
            await MailAsync(a, ct);
        }
        if (!webhook.Configured)
            return;
        foreach (var a in await alerts.UnsentAsync(o.Webhook.MaxAttempts, ct))
        {
            var (sent, problem) = await webhook.SendAsync(a, ct);
            await alerts.MarkSentAsync(a.Id, sent, ct);
            if (!sent)
                Log.WebhookFailed(logger, a.Id, problem);
        }
    }

    // Mail goes once, as the alert is raised: a mail server that refuses it is logged, not retried.
    private async Task MailAsync(AlertView a, CancellationToken ct)
    {
        if (!mailer.Configured)
            return;
        try
        {
            await mailer.SendAsync(a, ct);
        }
        catch (IOException e)
        {
            Log.AlertMailFailed(logger, a.Id, e.Message);
        }
    }
}
