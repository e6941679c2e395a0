using System.Runtime.CompilerServices;
namespace AttackDash.Core.Syslog;

/// <summary>
/// Splits a syslog line into time, host, tag and message. Accepts classic BSD lines, RFC 3339 / ISO
/// stamps (rsyslog), <c>journalctl -o short-iso</c>, the BSD verbose <c>&lt;mail.info&gt;</c> token and
/// the Solaris <c>[ID nnn mail.notice]</c> token, RFC 5424 and <c>journalctl -o json</c>
/// (<see cref="StructuredFormats"/>). Never throws: a line it cannot read returns false.
/// </summary>
public static class SyslogParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, out SyslogEnvelope envelope)
    {
        envelope = default;
        if (line.Length > 0 && line[0] == '{')
            return StructuredFormats.TryParseJournal(line, out envelope);
        if (line.Length > 3 && line[0] == '<' && StripPriority(ref line) && StructuredFormats.TryParseRfc5424(line, out envelope))
            return true;
        int rest;
        LogTimestamp stamp;
        if (TimestampParser.TryParseBsd(line, out stamp))
            rest = 15;
        else if (!TimestampParser.TryParseIso(line, out stamp, out rest))
            return false;
        if (line.Length <= rest || line[rest] != ' ')
            return false;
        var tail = SkipSpaces(line[rest..]);
        if (tail.Length > 0 && tail[0] == '<')
        {
            // BSD syslogd's verbose mode puts <facility.level> before the host.
            var close = tail.IndexOf((byte)'>');
            if (close < 0)
                return false;
            tail = SkipSpaces(tail[(close + 1)..]);
        }
        var hostEnd = tail.IndexOf((byte)' ');
        if (hostEnd <= 0)
            return false;
        var host = tail[..hostEnd];
        tail = SkipSpaces(tail[hostEnd..]);
        if (!TryParseTag(tail, out var program, out var pid, out var message))
        {
            envelope = new SyslogEnvelope { Timestamp = stamp, Host = host, Message = tail };
            return true;
        }
        envelope = new SyslogEnvelope
        {
            Timestamp = stamp, Host = host, Program = program, Pid = pid, Message = SkipSolarisId(message),
        };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseTag(ReadOnlySpan<byte> tail, out ReadOnlySpan<byte> program, out int pid, out ReadOnlySpan<byte> message)
    {
        program = default;
        message = default;
        pid = 0;
        var colon = tail.IndexOf(": "u8);
        if (colon <= 0 || tail[..colon].IndexOf((byte)' ') >= 0)
            return false;
        var tag = tail[..colon];
        message = tail[(colon + 2)..];
        var open = tag.IndexOf((byte)'[');
        if (open < 0)
        {
            program = tag;
            return true;
        }
        if (open == 0 || tag[^1] != ']' || !TryParseInt(tag[(open + 1)..^1], out pid))
            return false;
        program = tag[..open];
        return true;
    }

    // "<22>" starts a line sent over the network (RFC 3164 and 5424): the priority is not needed.
    private static bool StripPriority(ref ReadOnlySpan<byte> line)
    {
        var close = line[..Math.Min(line.Length, 5)].IndexOf((byte)'>');
        if (close < 2 || !TryParseInt(line[1..close], out _))
            return false;
        line = line[(close + 1)..];
        return true;
    }

    // Solaris syslogd tags every message with "[ID 801593 mail.info] ".
    private static ReadOnlySpan<byte> SkipSolarisId(ReadOnlySpan<byte> message)
    {
        if (!message.StartsWith("[ID "u8))
            return message;
        var close = message.IndexOf("] "u8);
        return close < 0 ? message : message[(close + 2)..];
    }

    private static ReadOnlySpan<byte> SkipSpaces(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && s[i] == ' ')
            i++;
        return s[i..];
    }

    internal static bool TryParseInt(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
            return false;
        foreach (var c in digits)
        {
            var d = c - '0';
            if ((uint)d > 9)
                return false;
            value = (value * 10) + d;
        }
        return true;
    }
}
