using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Sendmail;

/// <summary>
/// Reads one sendmail message (the text after <c>prog[pid]: </c>). Sample lines for every rule live in
/// tests/AttackDash.Core.Tests/TestData/samples.
/// </summary>
public static class SendmailRules
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SendmailLine Parse(ReadOnlySpan<byte> message)
    {
        var line = new SendmailLine();
        line.Body = StripQueueId(message, out line.QueueId);
        var body = line.Body;
        if (body.IsEmpty)
            return line;
        switch (body[0])
        {
            case (byte)'r' when body.StartsWith("ruleset="u8):
                RulesetReject.Read(ref line);
                return line;
            case (byte)'r' when body.StartsWith("rejecting commands from "u8):
                ClientAt(ref line, body[24..], EventKind.Pregreet);
                return line;
            case (byte)'A' when body.StartsWith("AUTH failure"u8):
                AuthLines.ReadFailure(ref line);
                return line;
            case (byte)'A' when body.StartsWith("AUTH=server, relay="u8):
                AuthLines.ReadSuccess(ref line);
                return line;
            case (byte)'f' when body.StartsWith("from="u8):
                FromLine.Read(ref line);
                return line;
            case (byte)'l' when body.StartsWith("lost input channel from "u8):
                ClientAt(ref line, body[24..], EventKind.LostInput);
                return line;
            case (byte)'<':
                ReadUserUnknown(ref line);
                return line;
            case (byte)'t' when body.StartsWith("to="u8):
                // A delivery: its relay= is the remote MX, never the client.
                return line;
            case (byte)'S' when body.StartsWith("STARTTLS=server, relay="u8):
                ClientAt(ref line, body[23..], kind: null);
                return line;
            case (byte)'S' when body.StartsWith("STARTTLS=client"u8):
                // Our own server delivering to another: the relay is a remote MTA, not a client.
                return line;
            default:
                ReadClientFirstLine(ref line);
                return line;
        }
    }

    /// <summary>Lines that start with the client: possible SMTP attack, did not issue MAIL, VRFY/EXPN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadClientFirstLine(ref SendmailLine line)
    {
        var body = line.Body;
        if (body[0] != '[' && body.IndexOf((byte)'[') < 0)
            return;
        if (body.IndexOf(": possible SMTP attack: "u8) > 0)
            ClientAt(ref line, body, EventKind.SmtpAttack);
        else if (body.IndexOf(" did not issue MAIL/EXPN/VRFY/ETRN during connection to "u8) > 0)
            ClientAt(ref line, body, EventKind.NoMail);
        else if (ClientSpec.TryParse(body, out var client) && IsVrfyOrExpn(body[client.Length..]))
        {
            line.Kind = EventKind.VrfyExpn;
            line.SetClient(client);
        }
    }

    private static bool IsVrfyOrExpn(ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 7 || rest[0] != ':' || rest[1] != ' ' || rest[6] != ' ')
            return false;
        var verb = rest.Slice(2, 4);
        return verb.SequenceEqual("VRFY"u8) || verb.SequenceEqual("EXPN"u8)
            || verb.SequenceEqual("vrfy"u8) || verb.SequenceEqual("expn"u8);
    }

    private static void ClientAt(ref SendmailLine line, ReadOnlySpan<byte> text, EventKind? kind)
    {
        if (!ClientSpec.TryParse(text, out var client))
            return;
        line.SetClient(client);
        line.Kind = kind;
    }

    // "<user@dom>... User unknown" and "... No such user here" carry no IP: the correlator joins it in.
    private static void ReadUserUnknown(ref SendmailLine line)
    {
        var body = line.Body;
        var end = body.IndexOf(">... "u8);
        if (end < 0)
            return;
        var status = body[(end + 5)..];
        if (!status.StartsWith("User unknown"u8) && !status.StartsWith("No such user here"u8))
            return;
        line.Kind = EventKind.UserUnknown;
        line.Argument = body[1..end];
    }

    /// <summary>
    /// Removes "QUEUEID: " or "NOQUEUE: ". sendmail 8.7 wrote 8-character ids (<c>BAA26050</c>), 8.9 to 8.11
    /// 12 (<c>e6GLNMO00604</c>), 8.12 on 14 or more; all end in the process id, five digits or more. A
    /// token of that shape (letters and digits) that does not end in digits is still removed, so the message is read, but
    /// it is not trusted as a queue id: <paramref name="queueId"/> stays empty and the correlator joins
    /// on the SMTP session instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ReadOnlySpan<byte> StripQueueId(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> queueId)
    {
        queueId = default;
        if (message.StartsWith("NOQUEUE: "u8))
            return message[9..];
        var colon = message.IndexOf((byte)':');
        if (colon < 8 || colon > 24 || colon + 1 >= message.Length || message[colon + 1] != ' ')
            return message;
        int digits = 0, anyDigits = 0;
        foreach (var c in message[..colon])
        {
            if (!char.IsAsciiLetterOrDigit((char)c))
                return message;
            var digit = char.IsAsciiDigit((char)c);
            digits = digit ? digits + 1 : 0;
            anyDigits += digit ? 1 : 0;
        }
        // A word ("STARTTLS: …") is a message, not a queue id; an id may be all digits (its time
        // characters are base 60, so January 2025 encodes as digits).
        if (anyDigits == 0)
            return message;
        if (digits >= 5)
            queueId = message[..colon];
        return message[(colon + 2)..];
    }
}
