using AttackDash.Storage.Blocking;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Digest;

/// <summary>Mails the digest of a review through the configured transport (section "Digest").</summary>
public sealed class DigestSender(IDigestQueries queries, IOptions<DigestOptions> options, TimeProvider clock)
{
    /// <summary>Builds and sends the digest of a review, unless digests are off or have no recipient.</summary>
    /// <returns>False when nothing was sent by configuration.</returns>
    /// <exception cref="IOException">The transport refused the message.</exception>
    public async Task<bool> SendAsync(ReviewView review, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled || o.To.Count == 0)
            return false;
        var message = DigestMessage.Compose(o, review, await queries.WeekAsync(review.WeekStart, ct), clock.GetUtcNow());
        await Transport(o).SendAsync(message, ct);
        return true;
    }

    /// <summary>The transport that section "Digest" configures: the alerts' mail goes the same way.</summary>
    internal static IMailTransport Transport(DigestOptions o) => o.Transport == "smtp"
        ? new SmtpTransport(o.SmtpHost, o.SmtpPort)
        : new SendmailTransport(o.SendmailPath);
}
