using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AttackDash.Ingestion.Journal;

/// <summary>One entry of <c>journalctl -o json</c>, as the syslog line the engine reads, with its cursor.</summary>
internal sealed record JournalLine(byte[] Line, string Cursor, DateTimeOffset Time);

/// <summary>
/// Turns a <c>journalctl -o json</c> entry into "ISO-time host tag[pid]: message", the form of
/// <c>journalctl -o short-iso-precise</c>. The time is the entry's own UTC realtime, so no year or zone
/// is guessed. MESSAGE arrives as a string, or as an array of bytes when it is not valid UTF-8; its bytes
/// go to the engine as they were, except line breaks and NULs, which become spaces so that attacker text
/// cannot start a line of its own.
/// </summary>
internal static class JournalJson
{
    public static JournalLine? Parse(ReadOnlySpan<byte> json)
    {
        string? cursor = null, host = null, tag = null, pid = null, syslogPid = null;
        long? realtime = null;
        byte[] message = [];
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "__CURSOR": cursor = Text(ref reader); break;
                    case "__REALTIME_TIMESTAMP": realtime = long.TryParse(Text(ref reader), NumberStyles.None, CultureInfo.InvariantCulture, out var us) ? us : null; break;
                    case "_HOSTNAME": host = Text(ref reader); break;
                    case "SYSLOG_IDENTIFIER": tag = Text(ref reader); break;
                    case "SYSLOG_PID": syslogPid = Text(ref reader); break;
                    case "_PID": pid = Text(ref reader); break;
                    case "MESSAGE": message = Bytes(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        if (cursor is null || realtime is not { } micros || micros < 0 || micros / 1000 > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return null;
        var time = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{time:yyyy-MM-dd'T'HH:mm:ss.ffffff}+00:00 {Word(host, "localhost")} {Word(tag, "unknown")}{(syslogPid ?? pid) switch { null => "", var p => $"[{Word(p, "")}]" }}: ");
        var line = new byte[Encoding.UTF8.GetByteCount(head) + message.Length];
        var written = Encoding.UTF8.GetBytes(head, line);
        message.CopyTo(line, written);
        line.AsSpan(written).Replace((byte)'\n', (byte)' ');
        line.AsSpan(written).Replace((byte)'\r', (byte)' ');
        line.AsSpan(written).Replace((byte)0, (byte)' ');
        return new JournalLine(line, cursor, time);
    }

    // Host, tag and pid are one word each in a syslog header: a space there would shift the fields.
    private static string Word(string? value, string fallback) =>
        string.IsNullOrEmpty(value) ? fallback : value.Replace(' ', '_').Replace('\n', '_');

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.StartArray => Encoding.UTF8.GetString(Bytes(ref reader)),
        _ => Skipped(ref reader),
    };

    private static string? Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>A string's UTF-8, or an array of byte values (journalctl's form for binary data); null (a field over journalctl's size limit) is empty.</summary>
    private static byte[] Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var buffer = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
            return buffer[..reader.CopyString(buffer)];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        var bytes = new ArrayBufferWriter<byte>();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            bytes.Write([reader.TryGetByte(out var b) ? b : (byte)'?']);
        return bytes.WrittenSpan.ToArray();
    }
}
