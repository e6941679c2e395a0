using System.Net;

namespace AttackDash.Storage.Entities;

/// <summary>One engine event. The table is partitioned by month of <see cref="Time"/>; (source, line) is written once: see EventStore.</summary>
public sealed class EventRow
{
    public DateTimeOffset Time { get; set; }
    public short Kind { get; set; }
    public required string MtaHost { get; set; }
    public int Pid { get; set; }
    public string? QueueId { get; set; }
    public IPAddress? ClientIp { get; set; }
    public string? ClientHost { get; set; }
    public bool MayBeForged { get; set; }
    public string? Username { get; set; }
    public string? Argument { get; set; }
    public required string Detail { get; set; }
    public int SourceId { get; set; }
    public long LineNumber { get; set; }
}
