using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackDash.Core.Events;

namespace AttackDash.Core.Reports;

/// <summary>
/// <c>analyze --events</c>: one JSON object per event, as JSON Lines (docs/analyze-json.md), so that a
/// user can check any count against the lines it came from, as <c>fail2ban-regex --print-all-matched</c> does.
/// </summary>
public sealed class EventLines : IEventSink, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Origins = ["line", "queue", "session", "none"];
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;

    public EventLines(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Writes the event's line. Never throws for an event; only a failing output does.</summary>
    public void Add(MailEvent mailEvent)
    {
        var e = mailEvent;
        _json.WriteStartObject();
        _json.WriteString("file", e.Source);
        _json.WriteNumber("line", e.LineNumber);
        _json.WriteString("time", e.Time);
        _json.WriteString("kind", e.Kind.Name());
        WriteOptional("ip", e.ClientIp?.ToString());
        _json.WriteString("ipFrom", Origins[(int)e.IpOrigin]);
        WriteOptional("noIpReason", e.NoIpReason);
        _json.WriteString("host", e.MtaHost);
        _json.WriteNumber("pid", e.Pid);
        WriteOptional("queueId", e.QueueId);
        WriteOptional("clientHost", e.ClientHost);
        WriteOptional("user", e.User);
        WriteOptional("argument", e.Argument);
        _json.WriteEndObject();
        _json.Flush();
        _output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
        _json.Reset();
    }

    private void WriteOptional(string name, string? value)
    {
        if (value is null)
            _json.WriteNull(name);
        else
            _json.WriteString(name, value);
    }

    public void Dispose() => _json.Dispose();
}
