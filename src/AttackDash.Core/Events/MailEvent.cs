using AttackDash.Core.Net;

namespace AttackDash.Core.Events;

/// <summary>
/// One event as the engine emits it. <see cref="ClientIp"/> is null only for an event whose IP could
/// not be joined in (an unattributed <c>user_unknown</c>).
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
}
