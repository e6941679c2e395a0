using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Sendmail;

/// <summary>
/// <c>from=&lt;s&gt;, size=…, class=…, nrcpts=N, msgid=…, proto=…, daemon=…, relay=R</c>, written at the end
/// of a transaction. Even with nrcpts=0 it gives the client IP to the User unknown lines of its queue id.
/// </summary>
internal static class FromLine
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(ref SendmailLine line)
    {
        var body = line.Body;
        // from= and msgid= are client text that may contain ", relay=": the real relay is the last field.
        if (ClientSpec.TryParseLast(body, out var client, out _))
            line.SetClient(client);
        var sizeAt = body.IndexOf(">, size="u8);
        var sender = sizeAt < 0 ? default : body[5..(sizeAt + 1)];
        if (InjectionDetector.IsInjection(sender))
        {
            line.Kind = EventKind.Injection;
            line.Argument = sender;
            return;
        }
        if (line.Ip is null || sizeAt < 0)
            return;
        var nrcptsAt = body[sizeAt..].IndexOf(", nrcpts="u8);
        if (nrcptsAt < 0)
            return;
        var digits = body[(sizeAt + nrcptsAt + 9)..];
        if (digits.Length > 0 && digits[0] is >= (byte)'1' and <= (byte)'9')
            line.Kind = EventKind.MessageAccepted;
    }
}
