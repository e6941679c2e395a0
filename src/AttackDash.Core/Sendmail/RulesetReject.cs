using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Sendmail;

/// <summary><c>ruleset=check_*, arg1=…, [arg2=…,] relay=…, reject=CODE text</c>: a policy reject of one client.</summary>
internal static class RulesetReject
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(ref SendmailLine line)
    {
        var body = line.Body;
        var relayAt = FindRelay(body, out var client);
        if (relayAt < 0)
        {
            // No client on the line (e.g. a local submission): classify anyway; the correlator may join an IP.
            relayAt = body.IndexOf(", reject="u8);
            if (relayAt < 0)
                return;
        }
        else
        {
            line.SetClient(client);
        }
        var rejectAt = body[relayAt..].IndexOf(", reject="u8);
        if (rejectAt < 0)
            return;
        var reject = body[(relayAt + rejectAt + 9)..];
        var arg1 = FieldText.Between(body, ", arg1="u8, relayAt);
        var arg2At = arg1.IndexOf(", arg2="u8);
        if (arg2At >= 0)
            arg1 = arg1[..arg2At];
        var ruleset = body[8..Math.Max(8, body.IndexOf((byte)','))];
        line.Kind = Classify(ruleset, arg1, reject);
        if (line.Kind == EventKind.Injection)
            line.Argument = arg1;
        else if (line.Kind == EventKind.UserUnknown)
            line.Argument = arg1.Trim("<>"u8);
    }

    private static EventKind Classify(ReadOnlySpan<byte> ruleset, ReadOnlySpan<byte> arg1, ReadOnlySpan<byte> reject)
    {
        if (InjectionDetector.IsInjection(arg1))
            return EventKind.Injection;
        if (reject.IndexOf("Access denied"u8) >= 0)
            return EventKind.AccessDenied;
        if (ruleset.SequenceEqual("check_relay"u8)
            && (FieldText.ContainsIgnoreCase(reject, "rate limit"u8) || reject.IndexOf("Too many open connections"u8) >= 0))
            return EventKind.RateLimited;
        // "Relaying temporarily denied. Cannot resolve PTR record" is a DNS policy, not a relay attempt.
        if (reject.IndexOf("Cannot resolve PTR"u8) >= 0 || reject.IndexOf("Fix reverse DNS"u8) >= 0)
            return EventKind.Rejected;
        if (reject.IndexOf("Relaying denied"u8) >= 0 || reject.IndexOf("Relaying temporarily denied"u8) >= 0)
            return EventKind.RelayDenied;
        if (reject.IndexOf("User unknown"u8) >= 0)
            return EventKind.UserUnknown;
        if (IsBlocklist(reject))
            return EventKind.RblRejected;
        if (ruleset.SequenceEqual("check_mail"u8) || reject.IndexOf("Domain of sender address"u8) >= 0)
            return EventKind.SenderRejected;
        return EventKind.Rejected;
    }

    private static bool IsBlocklist(ReadOnlySpan<byte> reject) =>
        reject.IndexOf("listed at"u8) >= 0 || reject.IndexOf("RBL"u8) >= 0 || reject.IndexOf("DNSBL"u8) >= 0
        || FieldText.ContainsIgnoreCase(reject, "blacklist"u8) || FieldText.ContainsIgnoreCase(reject, "blocklist"u8)
        || FieldText.ContainsIgnoreCase(reject, "spamhaus"u8) || FieldText.ContainsIgnoreCase(reject, "spamcop"u8);

    /// <summary>
    /// Finds the real <c>, relay=client, reject=</c>. arg1 is client text and may hold fakes of it; the
    /// reject text usually echoes arg1, so k fakes appear k times before the real relay and k times
    /// after it. An odd number of candidates means the echo is there and the real one is the middle;
    /// an even number means no echo and the real one is the last.
    /// </summary>
    private static int FindRelay(ReadOnlySpan<byte> body, out ClientSpec client)
    {
        Span<int> candidates = stackalloc int[16];
        var count = 0;
        var from = 0;
        while (count < candidates.Length)
        {
            var at = body[from..].IndexOf(", relay="u8);
            if (at < 0)
                break;
            at += from;
            var value = body[(at + 8)..];
            if (ClientSpec.TryParse(value, out var c) && value[c.Length..].StartsWith(", reject="u8))
                candidates[count++] = at;
            from = at + 8;
        }
        client = default;
        if (count == 0)
            return -1;
        var real = candidates[count % 2 == 1 ? count / 2 : count - 1];
        ClientSpec.TryParse(body[(real + 8)..], out client);
        return real;
    }
}
