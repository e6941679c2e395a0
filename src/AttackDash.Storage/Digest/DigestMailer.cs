using AttackDash.Storage.Blocking;
using Npgsql;

namespace AttackDash.Storage.Digest;

public static class DigestMailer
{
    /// <summary>Builds and sends the digest of a review, unless digests are off or have no recipient.</summary>
    /// <returns>False when nothing was sent by configuration.</returns>
    public static async Task<bool> SendAsync(NpgsqlDataSource dataSource, DigestOptions options, ReviewView review, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!options.Enabled || options.To.Count == 0)
            return false;
        var message = await new DigestBuilder(dataSource, options).BuildAsync(review, now, ct);
        IMailTransport transport = options.Transport == "smtp"
            ? new SmtpTransport(options.SmtpHost, options.SmtpPort)
            : new SendmailTransport(options.SendmailPath);
        await transport.SendAsync(message, ct);
        return true;
    }
}
