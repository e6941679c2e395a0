namespace AttackDash.Storage.Entities;

/// <summary>A blocking policy an admin saved from the Backtest page; configured ones (section "Blocking") are not stored.</summary>
public sealed class PolicyRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public int MinEvents { get; set; }
    public TimeSpan Window { get; set; }

    /// <summary>"/32" or "/24".</summary>
    public required string Block { get; set; }

    /// <summary>Null: for ever.</summary>
    public TimeSpan? BanTime { get; set; }

    /// <summary>"propose", "auto" or "off".</summary>
    public required string Mode { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
