namespace AttackDash.Storage.Embedded;

public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// Where the private cluster lives (its data folder is <c>pgdata</c> inside, beside its password).
    /// Default: /var/lib/attackdash when run as root, else ~/.local/share/attackdash.
    /// </summary>
    public string? RootDirectory { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Folder of initdb and pg_ctl; default: the newest /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; set; }

    public string Database { get; set; } = "attackdash";

    public static string DefaultRoot() =>
        Environment.UserName == "root"
            ? "/var/lib/attackdash"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "attackdash");
}
