using System.Runtime.CompilerServices;
using System.Text;
using AttackDash.Core.Correlation;
using AttackDash.Core.Events;
using AttackDash.Core.Sendmail;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>Line in, events out: envelope, program filter, sendmail rules and the correlator.</summary>
public sealed class LogEngine(IEventSink sink, EngineOptions? options = null)
{
    private readonly EngineOptions _options = options ?? new EngineOptions();
    private readonly Correlator _correlator = new((options ?? new EngineOptions()).Correlation, sink);
    private readonly HostTable _hosts = new();

    // A written year more than a day ahead of the clock is absurd: counted as malformed, never stored.
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);
    private DateTimeOffset _notAfter = DateTimeOffset.MinValue;

    public InputStats Stats { get; } = new();

    public long Unattributed => _correlator.Unattributed;

    public int OpenCorrelationStates => _correlator.OpenStates;

    /// <inheritdoc cref="Correlator.EarliestPendingLine"/>
    public long? EarliestPendingLine() => _correlator.EarliestPendingLine();

    public void Process(ReadOnlySpan<byte> line, YearInference years, string source, long lineNumber)
    {
        if (TryParse(line, years, source, lineNumber, out var parsed))
            Correlate(parsed);
    }

    /// <summary>The parsing stage: counts the line and returns true when it names a client or holds an event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryParse(ReadOnlySpan<byte> line, YearInference years, string source, long lineNumber, out ParsedLine result)
    {
        result = default;
        if (!SyslogParser.TryParse(line, out var envelope))
        {
            CountMalformed(line, years, source, lineNumber, line.IsEmpty ? "empty line" : "no syslog time and host");
            return false;
        }
        var time = years.Resolve(envelope.Timestamp);
        if (envelope.Timestamp.HasYear && IsInFuture(time))
        {
            CountMalformed(line, years, source, lineNumber, $"time {time:yyyy-MM-dd HH:mm} is in the future");
            return false;
        }
        Stats.SeeTime(time);
        if (!IsSendmail(envelope.Program))
        {
            Stats.CountOther();
            return false;
        }
        Stats.CountSendmail();
        var parsed = SendmailRules.Parse(envelope.Message);
        if (parsed.Kind is null && parsed.Ip is null)
            return false;
        var hostId = _hosts.Intern(envelope.Host, out var host);
        host = _options.MtaHost ?? host;
        var clientHost = parsed.ClientHost.IsEmpty || !_options.CaptureText ? null : Encoding.UTF8.GetString(parsed.ClientHost);
        ClientInfo? client = parsed.Ip is { } ip ? new ClientInfo(ip, clientHost, parsed.MayBeForged) : null;
        var mailEvent = parsed.Kind is { } kind ? ToEvent(kind, in parsed, time, host, envelope.Pid, clientHost, source, lineNumber, _options.CaptureText) : null;
        QueueKey? queue = QueueKey.TryCreate(hostId, envelope.Pid, parsed.QueueId, out var key) ? key : null;
        result = new ParsedLine(hostId, envelope.Pid, queue, client, mailEvent, time);
        return true;
    }

    private bool IsInFuture(DateTimeOffset time)
    {
        if (time <= _notAfter)
            return false;
        // The clock moves on while a follower runs: look again before calling a line absurd.
        _notAfter = _options.Clock.GetUtcNow() + FutureSlack;
        return time > _notAfter;
    }

    /// <summary>Counts a line that cannot be read, keeping its month for the New Year count.</summary>
    public void CountMalformed(ReadOnlySpan<byte> line, YearInference years, string source, long lineNumber, string why)
    {
        Stats.CountMalformed(source, lineNumber, why);
        if (TimestampParser.TryParseBsd(line, out var stamp))
            years.Observe(stamp);
    }

    /// <summary>The correlating stage: joins IPs in and passes events to the sink, in line order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Correlate(in ParsedLine line) => _correlator.Accept(line);

    public void Complete() => _correlator.Complete();

    /// <summary>sendmail, sm-mta and the other sm-* proctitles; sm-msp-queue is the local submission queue runner.</summary>
    internal static bool IsSendmail(ReadOnlySpan<byte> program) =>
        program.SequenceEqual("sendmail"u8) || (program.StartsWith("sm-"u8) && !program.SequenceEqual("sm-msp-queue"u8));

    private static MailEvent ToEvent(EventKind kind, in SendmailLine p, DateTimeOffset time, string host, int pid, string? clientHost, string source, long lineNumber, bool text) =>
        new(time, kind, host, pid,
            p.QueueId.IsEmpty || !text ? null : Encoding.ASCII.GetString(p.QueueId),
            p.Ip, clientHost, p.MayBeForged,
            p.User.IsEmpty ? null : Encoding.UTF8.GetString(p.User),
            text ? Encoding.UTF8.GetString(p.Body) : "")
        {
            Argument = p.Argument.IsEmpty ? null : Encoding.UTF8.GetString(p.Argument),
            LineNumber = lineNumber,
            Source = source,
            IpOrigin = p.Ip is null ? IpOrigin.None : IpOrigin.Line,
            NoIpReason = p.Ip is null ? p.NoIpReason : null,
        };
}
