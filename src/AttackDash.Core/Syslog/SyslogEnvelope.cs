namespace AttackDash.Core.Syslog;

/// <summary>The parts of one syslog line around the program's own message.</summary>
public readonly ref struct SyslogEnvelope
{
    public LogTimestamp Timestamp { get; init; }
    public ReadOnlySpan<byte> Host { get; init; }
    public ReadOnlySpan<byte> Program { get; init; }
    public int Pid { get; init; }
    public ReadOnlySpan<byte> Message { get; init; }

    /// <summary>True when the line had a time and a host but no <c>prog[pid]:</c> tag (e.g. "last message repeated").</summary>
    public bool HasTag => !Program.IsEmpty;
}
