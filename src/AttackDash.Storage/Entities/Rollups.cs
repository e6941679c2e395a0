using System.Net;

namespace AttackDash.Storage.Entities;

/// <summary>Events per hour, IP and kind, kept up to date at ingest so that a year never scans raw events.</summary>
public sealed class HourlyIpKind
{
    public DateTimeOffset Hour { get; set; }
    public required IPAddress Ip { get; set; }
    public short Kind { get; set; }
    public long Events { get; set; }
}

/// <summary>Events per hour and kind, including those with no IP (<see cref="Unattributed"/>).</summary>
public sealed class HourlyKind
{
    public DateTimeOffset Hour { get; set; }
    public short Kind { get; set; }
    public long Events { get; set; }
    public long Unattributed { get; set; }
}

/// <summary>Events per UTC day, IP and kind: offender rankings over months or a year read this, not the hourly table.</summary>
public sealed class DailyIpKind
{
    public DateOnly Day { get; set; }
    public required IPAddress Ip { get; set; }
    public short Kind { get; set; }
    public long Events { get; set; }
}
