using System.Text;
using AttackDash.Core.Correlation;
using AttackDash.Core.Events;
using AttackDash.Core.Sendmail;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>Line in, events out: envelope, program filter, sendmail rules and the correlator.</summary>
public sealed class LogEngine(IEventSink sink, CorrelatorOptions? options = null)
{
    private readonly Correlator _correlator = new(options ?? new CorrelatorOptions(), sink);
    private readonly HostTable _hosts = new();

    public InputStats Stats { get; } = new();

    public long Unattributed => _correlator.Unattributed;

    public int OpenCorrelationStates => _correlator.OpenStates;

    public void Process(ReadOnlySpan<byte> line, YearInference years, string source, long lineNumber)
    {
        if (!SyslogParser.TryParse(line, out var envelope))
        {
            Stats.CountMalformed(source, lineNumber, line.IsEmpty ? "empty line" : "no syslog time and host");
            return;
        }
        var time = years.Resolve(envelope.Timestamp);
        Stats.SeeTime(time);
        if (!IsSendmail(envelope.Program))
        {
            Stats.CountOther();
            return;
        }
        Stats.CountSendmail();
        var parsed = SendmailRules.Parse(envelope.Message);
        if (parsed.Kind is null && parsed.Ip is null)
            return;
        var hostId = _hosts.Intern(envelope.Host, out var host);
        var clientHost = parsed.ClientHost.IsEmpty ? null : Encoding.UTF8.GetString(parsed.ClientHost);
        ClientInfo? client = parsed.Ip is { } ip ? new ClientInfo(ip, clientHost, parsed.MayBeForged) : null;
        var mailEvent = parsed.Kind is { } kind ? ToEvent(kind, in parsed, time, host, envelope.Pid, clientHost, lineNumber) : null;
        _correlator.Accept(hostId, envelope.Pid, parsed.QueueId, client, mailEvent, time);
    }

    public void Complete() => _correlator.Complete();

    /// <summary>sendmail, sm-mta and the other sm-* proctitles; sm-msp-queue is the local submission queue runner.</summary>
    internal static bool IsSendmail(ReadOnlySpan<byte> program) =>
        program.SequenceEqual("sendmail"u8) || (program.StartsWith("sm-"u8) && !program.SequenceEqual("sm-msp-queue"u8));

    private static MailEvent ToEvent(EventKind kind, in SendmailLine p, DateTimeOffset time, string host, int pid, string? clientHost, long lineNumber) =>
        new(time, kind, host, pid,
            p.QueueId.IsEmpty ? null : Encoding.ASCII.GetString(p.QueueId),
            p.Ip, clientHost, p.MayBeForged,
            p.User.IsEmpty ? null : Encoding.UTF8.GetString(p.User),
            Encoding.UTF8.GetString(p.Body))
        {
            Argument = p.Argument.IsEmpty ? null : Encoding.UTF8.GetString(p.Argument),
            LineNumber = lineNumber,
        };
}
