using System.Diagnostics;
using System.Net.Mail;

namespace AttackDash.Operations.Digest;

/// <summary>Sends one ready RFC 5322 message.</summary>
/// <remarks>Throws <see cref="IOException"/> when the mail cannot be handed over; the caller decides whether that is fatal.</remarks>
public interface IMailTransport
{
    Task SendAsync(string message, CancellationToken ct = default);
}

/// <summary>The operator runs a mail server: hand the message to the local <c>sendmail -t -i</c>.</summary>
public sealed class SendmailTransport(string sendmailPath) : IMailTransport
{
    public async Task SendAsync(string message, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(sendmailPath, ["-t", "-i"]) { RedirectStandardInput = true, RedirectStandardError = true };
        using var p = Process.Start(start) ?? throw new IOException($"cannot start {sendmailPath}");
        await p.StandardInput.WriteAsync(message.AsMemory(), ct);
        p.StandardInput.Close();
        var error = await p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new IOException($"{sendmailPath} -t exited {p.ExitCode}: {error.Trim()}");
    }
}

/// <summary>Plain SMTP to a relay (no credentials: meant for the local or an internal MTA).</summary>
public sealed class SmtpTransport(string host, int port) : IMailTransport
{
    public async Task SendAsync(string message, CancellationToken ct = default)
    {
        var headers = message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        string Header(string name) => headers.First(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];
        using var mail = new MailMessage { From = new MailAddress(Qualify(Header("From"))), Subject = Header("Subject"), Body = message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] };
        foreach (var to in Header("To").Split(',', StringSplitOptions.TrimEntries))
            mail.To.Add(Qualify(to));
        using var client = new SmtpClient(host, port);
        try
        {
            await client.SendMailAsync(mail, ct);
        }
        catch (SmtpException e)
        {
            throw new IOException($"SMTP {host}:{port}: {e.Message}", e);
        }
    }

    private static string Qualify(string address) => address.Contains('@', StringComparison.Ordinal) ? address : address + "@localhost";
}
