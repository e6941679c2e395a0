using AttackDash.Core.Events;

namespace AttackDash.Core.Correlation;

/// <summary>What the parsing stage hands to the correlator: a line's keys, its client and its event.</summary>
internal readonly record struct ParsedLine(int HostId, int Pid, QueueKey? Queue, ClientInfo? Client, MailEvent? Event, DateTimeOffset Time)
{
    public SessionKey Session => new(HostId, Pid);
}
