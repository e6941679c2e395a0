using System.Buffers.Text;
using System.Text.Json;

namespace AttackDash.Core.Syslog;

/// <summary>
/// The two line formats that are not classic syslog text: RFC 5424
/// (<c>&lt;22&gt;1 2025-06-01T10:00:00.123+02:00 host sm-mta 1234 - - msg</c>) and <c>journalctl -o json</c>
/// (one object a line with MESSAGE, SYSLOG_IDENTIFIER, _PID, _HOSTNAME, __REALTIME_TIMESTAMP).
/// </summary>
internal static class StructuredFormats
{
    // An unescaped JSON string needs a home; the envelope is read before the next line is parsed.
    [ThreadStatic]
    private static byte[]? t_message;

    [ThreadStatic]
    private static byte[]? t_host;

    [ThreadStatic]
    private static byte[]? t_program;

    /// <summary>Reads <c>1 TIMESTAMP HOST APP PROCID MSGID SD [MSG]</c>, the part after <c>&lt;PRI&gt;</c>.</summary>
    public static bool TryParseRfc5424(ReadOnlySpan<byte> s, out SyslogEnvelope envelope)
    {
        envelope = default;
        if (!s.StartsWith("1 "u8) || !TimestampParser.TryParseIso(s[2..], out var stamp, out var used) || stamp.IsLocal)
            return false;
        var pos = 2 + used + 1;
        if (pos > s.Length || !Field(s, ref pos, out var hostAt) || !Field(s, ref pos, out var appAt) || !Field(s, ref pos, out var procAt) || !Field(s, ref pos, out _))
            return false;
        if (!SkipStructuredData(s, ref pos))
            return false;
        var rest = s[pos..];
        if (rest.StartsWith("\uFEFF"u8))
            rest = rest[3..];
        ReadOnlySpan<byte> host = s[hostAt], app = s[appAt], procId = s[procAt];
        var pid = 0;
        if (!procId.SequenceEqual("-"u8) && !SyslogParser.TryParseInt(procId, out pid))
            return false;
        envelope = new SyslogEnvelope { Timestamp = stamp, Host = host, Program = app.SequenceEqual("-"u8) ? default : app, Pid = pid, Message = rest };
        return true;
    }

    /// <summary>Reads one <c>journalctl -o json</c> object. Never throws: a broken object returns false.</summary>
    public static bool TryParseJournal(ReadOnlySpan<byte> line, out SyslogEnvelope envelope)
    {
        envelope = default;
        ReadOnlySpan<byte> message = default, host = default, program = default;
        long micros = -1;
        int pid = 0, syslogPid = 0;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read())
                    return false;
                if (name.SequenceEqual("MESSAGE"u8))
                    message = Text(line, ref reader, ref t_message);
                else if (name.SequenceEqual("_HOSTNAME"u8))
                    host = Text(line, ref reader, ref t_host);
                else if (name.SequenceEqual("SYSLOG_IDENTIFIER"u8))
                    program = Text(line, ref reader, ref t_program);
                else if (name.SequenceEqual("__REALTIME_TIMESTAMP"u8) && reader.TokenType == JsonTokenType.String)
                    micros = Utf8Parser.TryParse(reader.ValueSpan, out long us, out _) ? us : -1;
                else if (name.SequenceEqual("_PID"u8) && reader.TokenType == JsonTokenType.String)
                    SyslogParser.TryParseInt(reader.ValueSpan, out pid);
                else if (name.SequenceEqual("SYSLOG_PID"u8) && reader.TokenType == JsonTokenType.String)
                    SyslogParser.TryParseInt(reader.ValueSpan, out syslogPid);
                else
                    reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }
        // Microseconds since 1970; past the year 2999 is absurd (and would not fit a DateTimeOffset).
        if (micros is < 0 or > 32_503_680_000_000_000 || host.IsEmpty)
            return false;
        var time = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        envelope = new SyslogEnvelope
        {
            Timestamp = LogTimestamp.Complete(time), Host = host, Program = program, Pid = pid != 0 ? pid : syslogPid, Message = message,
        };
        return true;
    }

    /// <summary>A string value (unescaped when it must be) or a byte array (journald's form for non-UTF-8 text).</summary>
    private static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> line, scoped ref Utf8JsonReader reader, ref byte[]? scratch)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (!reader.ValueIsEscaped)
                return line.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            scratch ??= new byte[64 * 1024];
            if (scratch.Length < reader.ValueSpan.Length)
                scratch = new byte[reader.ValueSpan.Length];
            return scratch.AsSpan(0, reader.CopyString(scratch));
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return default;
        }
        scratch ??= new byte[64 * 1024];
        var n = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            if (n < scratch.Length && reader.TryGetByte(out var b))
                scratch[n++] = b;
        }
        return scratch.AsSpan(0, n);
    }

    private static bool Field(ReadOnlySpan<byte> s, ref int pos, out Range field)
    {
        var space = s[pos..].IndexOf((byte)' ');
        var end = space < 0 ? s.Length : pos + space;
        field = pos..end;
        var empty = end == pos;
        pos = Math.Min(s.Length, end + 1);
        return !empty;
    }

    // "-" or one or more [id k="v" ...] elements, in which \] and \" are escaped.
    private static bool SkipStructuredData(ReadOnlySpan<byte> s, ref int pos)
    {
        if (pos < s.Length && s[pos] == '-')
        {
            pos = Math.Min(s.Length, pos + 2);
            return true;
        }
        var i = pos;
        while (i < s.Length && s[i] == '[')
        {
            i++;
            while (i < s.Length && s[i] != ']')
                i += s[i] == '\\' ? 2 : 1;
            if (i >= s.Length)
                return false;
            i++;
        }
        if (i == pos)
            return false;
        pos = i < s.Length && s[i] == ' ' ? i + 1 : i;
        return true;
    }
}
