using AttackDash.Core.Net;

namespace AttackDash.Core.Events;

/// <summary>
/// One event as the engine emits it. <see cref="ClientIp"/> is null only for an event whose IP could
/// not be joined in or not be read without doubt (<see cref="NoIpReason"/> says which).
/// </summary>
public sealed record MailEvent(
    DateTimeOffset Time,
    EventKind Kind,
    string MtaHost,
    int Pid,
    string? QueueId,
    IpAddress128? ClientIp,
    string? ClientHost,
    bool MayBeForged,
    string? User,
    string Detail)
{
    /// <summary>The verbatim attacker payload for <see cref="EventKind.Injection"/>, or the probed recipient for <see cref="EventKind.UserUnknown"/>.</summary>
    public string? Argument { get; init; }

    /// <summary>1-based line number in its source, for showing the raw line.</summary>
    public long LineNumber { get; init; }

    /// <summary>The input the line came from, as the user named it (empty when the caller did not say).</summary>
    public string Source { get; init; } = "";

    /// <summary>How <see cref="ClientIp"/> was found.</summary>
    public IpOrigin IpOrigin { get; init; }

    /// <summary>Why there is no client IP, when there is none.</summary>
    public string? NoIpReason { get; init; }
}

/// <summary>Where an event's client IP came from: its own line, another line of its queue id or of its SMTP session, or nowhere.</summary>
public enum IpOrigin : byte
{
    Line,
    Queue,
    Session,
    None,
}
