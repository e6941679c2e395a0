using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Sendmail;

/// <summary>What the rules read from one sendmail message: an event, a client IP for the join, or both.</summary>
public ref struct SendmailLine
{
    public EventKind? Kind;
    public ReadOnlySpan<byte> QueueId;
    public IpAddress128? Ip;
    public ReadOnlySpan<byte> ClientHost;
    public bool MayBeForged;
    public ReadOnlySpan<byte> User;

    /// <summary>The injection payload verbatim, or the probed recipient of a User unknown.</summary>
    public ReadOnlySpan<byte> Argument;

    /// <summary>Why the line names no client although it has an event, e.g. attacker text that makes its relay= ambiguous.</summary>
    public string? NoIpReason;

    /// <summary>The message after the queue id.</summary>
    public ReadOnlySpan<byte> Body;

    internal void SetClient(in ClientSpec client)
    {
        Ip = client.Ip;
        ClientHost = client.HostName;
        MayBeForged = client.MayBeForged;
    }
}
