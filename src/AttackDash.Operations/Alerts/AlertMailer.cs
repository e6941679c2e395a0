using System.Globalization;
using System.Text;
using AttackDash.Operations.Digest;
using AttackDash.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Alerts;

/// <summary>Mails each alert as it is raised, through the digest's transport. Throws <see cref="IOException"/> when the transport refuses.</summary>
public sealed class AlertMailer(IOptions<AlertOptions> alerts, IOptions<DigestOptions> digest, TimeProvider clock)
{
    public bool Configured => alerts.Value.MailTo.Count > 0;

    public Task SendAsync(AlertView a, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        // The subject is ours alone (kind and address); the attacker-written username and line stay in the body.
        var subject = $"AttackDash: {AlertKinds.Label(a.Kind)} from {a.Ip}";
        var body = new StringBuilder()
            .AppendLine(AlertPayload.Text(a, alerts.Value.LookBack)).AppendLine()
            .AppendLine(c, $"Line: {a.Line}");
        if (digest.Value.DashboardUrl is { } url)
            body.AppendLine(c, $"Alerts: {url.TrimEnd('/')}/alerts (acknowledge there); the client: {url.TrimEnd('/')}/ip/{a.Ip}");
        var message = DigestMessage.Message(digest.Value.From, alerts.Value.MailTo, subject, body.ToString(), clock.GetUtcNow());
        return DigestSender.Transport(digest.Value).SendAsync(message, ct);
    }
}
