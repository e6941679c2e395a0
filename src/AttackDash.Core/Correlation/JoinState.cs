using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Correlation;

/// <summary>What is known of one queue id or session: its client, and the events still waiting for it.</summary>
internal sealed class JoinState
{
    public IpAddress128? Ip { get; private set; }
    public string? ClientHost { get; private set; }
    public bool MayBeForged { get; private set; }
    public DateTimeOffset LastSeen { get; set; }
    public List<MailEvent>? Pending { get; private set; }

    public void SetClient(IpAddress128 ip, string? host, bool forged)
    {
        Ip = ip;
        ClientHost = host;
        MayBeForged = forged;
    }

    public void Hold(MailEvent e) => (Pending ??= []).Add(e);

    public void HoldAll(List<MailEvent> events) => (Pending ??= []).AddRange(events);

    public MailEvent Attribute(MailEvent e, IpOrigin origin) =>
        e with { ClientIp = Ip, ClientHost = ClientHost, MayBeForged = MayBeForged, IpOrigin = origin, NoIpReason = null };

    public List<MailEvent>? TakePending()
    {
        var p = Pending;
        Pending = null;
        return p;
    }
}
