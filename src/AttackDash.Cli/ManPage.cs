namespace AttackDash.Cli;

/// <summary>
/// attackdash(1), written from the same help texts that <c>--help</c> prints, so the manual cannot
/// drift from the command: <c>attackdash help --man &gt; /usr/local/share/man/man1/attackdash.1</c>.
/// </summary>
internal static class ManPage
{
    public static void Write(TextWriter man, string version)
    {
        man.WriteLine($".TH ATTACKDASH 1 \"\" \"attackdash {Escape(version)}\" \"User Commands\"");
        man.WriteLine(".SH NAME");
        man.WriteLine("attackdash \\- find, store, review and block the attackers in sendmail logs");
        man.WriteLine(".SH SYNOPSIS");
        man.WriteLine(".B attackdash");
        man.WriteLine(".I COMMAND");
        man.WriteLine("[options]");
        man.WriteLine(".SH DESCRIPTION");
        Verbatim(man, CliApp.Usage);
        man.WriteLine(".SH COMMANDS");
        foreach (var (name, usage) in CliApp.Commands)
        {
            man.WriteLine($".SS {Escape(name)}");
            Verbatim(man, usage);
        }
        man.WriteLine(".SH EXIT STATUS");
        foreach (var (code, meaning) in ExitCodes)
            man.WriteLine($".TP\n.B {code}\n{Escape(meaning)}");
        man.WriteLine(".SH FILES");
        foreach (var (path, meaning) in Files)
            man.WriteLine($".TP\n.I {Escape(path)}\n{Escape(meaning)}");
        man.WriteLine(".SH SEE ALSO");
        man.WriteLine("The README and docs/ of the AttackDash sources: docs/deploy.md, docs/analyze-json.md.");
    }

    private static readonly (string Code, string Meaning)[] ExitCodes =
    [
        ("0", "done"),
        ("1", "a refused account change, or a log silent for longer than status --max-silence allows"),
        ("2", "bad usage, a setting that breaks its rule (the key is named), or a refused block"),
        ("3", "the database is unavailable: systemd's Restart= may try again"),
    ];

    private static readonly (string Path, string Meaning)[] Files =
    [
        ("/etc/attackdash/appsettings.json", "settings over the shipped defaults (or the file $ATTACKDASH_SETTINGS names)"),
        ("/run/secrets, $CREDENTIALS_DIRECTORY", "one file per secret key, named like its variable (ConnectionStrings__AttackDash); read last"),
        ("/var/lib/attackdash", "the embedded PostgreSQL cluster when no connection string is set (as root)"),
    ];

    // Help text is shown as written: no filling, and a backslash or a leading dot or quote kept literal.
    private static void Verbatim(TextWriter man, string text)
    {
        man.WriteLine(".nf");
        foreach (var line in text.Split('\n'))
        {
            var escaped = Escape(line.TrimEnd('\r'));
            man.WriteLine(escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped);
        }
        man.WriteLine(".fi");
    }

    private static string Escape(string text) => text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
}
