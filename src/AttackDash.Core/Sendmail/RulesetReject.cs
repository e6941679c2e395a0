using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Sendmail;

/// <summary>
/// <c>ruleset=R, arg1=A, [arg2=B, ]relay=H [IP], reject=CODE TEXT</c>: a policy reject of one client.
/// A, H and TEXT (which may echo A any number of times) are the client's text; only the ruleset, the
/// bracketed address and the code are sendmail's own.
/// </summary>
internal static class RulesetReject
{
    public const string AmbiguousRelay = "ambiguous: the line holds more than one relay=, some written by the client";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(ref SendmailLine line)
    {
        var body = line.Body;
        var ruleset = body[8..Math.Max(8, body.IndexOf((byte)','))];
        // tls_server, tls_rcpt (and tls_client, per the reading) check our own server's TLS
        // connections to others: their relay= is a remote MTA, never a client of ours.
        if (ruleset.StartsWith("tls_"u8))
            return;
        var relays = CountRelays(body, out var firstRelay, out var client, out var clientNamed);
        if (relays == 1 && clientNamed)
            line.SetClient(client);
        else if (relays > 1)
            line.NoIpReason = AmbiguousRelay;
        var rejectAt = body.LastIndexOf(", reject="u8);
        if (rejectAt < 0)
            return;
        var reject = body[(rejectAt + 9)..];
        // arg1 runs to the first relay=; the widest span the client wrote runs to the last reject=, so
        // that a payload is seen wherever a fake relay= put it.
        var arg1At = body.IndexOf(", arg1="u8);
        var arg1 = FieldText.After(body, arg1At, 7, firstRelay < 0 ? rejectAt : firstRelay);
        var clientText = FieldText.After(body, arg1At, 7, rejectAt);
        var arg2 = default(ReadOnlySpan<byte>);
        var arg2At = arg1.IndexOf(", arg2="u8);
        if (arg2At >= 0)
        {
            arg2 = arg1[(arg2At + 7)..];
            arg1 = arg1[..arg2At];
        }
        line.Kind = Classify(ruleset, clientText, arg2, reject);
        if (line.Kind == EventKind.Injection)
            line.Argument = arg1;
        else if (line.Kind == EventKind.UserUnknown)
            line.Argument = arg1.Trim("<>"u8);
    }

    private static EventKind Classify(ReadOnlySpan<byte> ruleset, ReadOnlySpan<byte> clientText, ReadOnlySpan<byte> arg2, ReadOnlySpan<byte> reject)
    {
        if (InjectionDetector.IsInjection(clientText))
            return EventKind.Injection;
        if (reject.IndexOf("Access denied"u8) >= 0)
            return EventKind.AccessDenied;
        var checkRelay = ruleset.SequenceEqual("check_relay"u8);
        if (checkRelay && (FieldText.ContainsIgnoreCase(reject, "rate limit"u8) || reject.IndexOf("Too many open connections"u8) >= 0))
            return EventKind.RateLimited;
        // "Relaying temporarily denied. Cannot resolve PTR record" is a DNS policy, not a relay attempt.
        if (reject.IndexOf("Cannot resolve PTR"u8) >= 0 || reject.IndexOf("Fix reverse DNS"u8) >= 0)
            return EventKind.Rejected;
        if (reject.IndexOf("Relaying denied"u8) >= 0 || reject.IndexOf("Relaying temporarily denied"u8) >= 0)
            return EventKind.RelayDenied;
        if (reject.IndexOf("User unknown"u8) >= 0)
            return EventKind.UserUnknown;
        if (DnsBlocklist.IsReject(checkRelay, arg2, reject))
            return EventKind.RblRejected;
        if (ruleset.SequenceEqual("check_mail"u8) || reject.IndexOf("Domain of sender address"u8) >= 0)
            return EventKind.SenderRejected;
        return EventKind.Rejected;
    }

    /// <summary>
    /// Counts the <c>, relay=</c> fields. An honest line has one; each further one was written by the
    /// client (in arg1, its echo in the reject text, or a PTR name), and no count or echo rule can tell
    /// the real one from a crafted fake, so such a line names no client of its own: the correlator joins
    /// in the one its session or queue id names. <paramref name="firstAt"/> is where the first starts
    /// (-1 for none); <paramref name="clientNamed"/> says whether it reads as <c>relay=H [IP], reject=</c>.
    /// </summary>
    private static int CountRelays(ReadOnlySpan<byte> body, out int firstAt, out ClientSpec client, out bool clientNamed)
    {
        client = default;
        clientNamed = false;
        firstAt = body.IndexOf(", relay="u8);
        if (firstAt < 0)
            return 0;
        var value = body[(firstAt + 8)..];
        clientNamed = ClientSpec.TryParse(value, out client) && value[client.Length..].StartsWith(", reject="u8);
        var count = 1;
        for (var from = firstAt + 8; ;)
        {
            var at = body[from..].IndexOf(", relay="u8);
            if (at < 0)
                return count;
            count++;
            from += at + 8;
        }
    }
}
