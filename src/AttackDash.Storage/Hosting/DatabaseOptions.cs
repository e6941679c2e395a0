namespace AttackDash.Storage.Hosting;

/// <summary>Section "Database". The connection itself is <c>ConnectionStrings:AttackDash</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Folder of the embedded cluster used when no connection string is configured.</summary>
    public string? EmbeddedRoot { get; set; }

    /// <summary>Apply pending migrations on start (always on for the embedded cluster).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
