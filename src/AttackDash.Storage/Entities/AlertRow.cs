namespace AttackDash.Storage.Entities;

/// <summary>
/// One live alert: the log line that raised it, the client, whether an admin acknowledged it, and
/// whether the webhook was told. The IP is kept in canonical text, as blocks are.
/// </summary>
public sealed class AlertRow
{
    public long Id { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public required string Kind { get; set; }
    public required string Ip { get; set; }

    /// <summary>The time of the log line.</summary>
    public DateTimeOffset Time { get; set; }
    public string? Username { get; set; }
    public required string Line { get; set; }

    /// <summary>The client's attack events in the look-back when the alert was raised.</summary>
    public long Attacks { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
}
