using System.Text.RegularExpressions;

namespace AttackDash.Ingestion.Journal;

/// <summary>Which journal entries <c>ingest --journal</c> reads.</summary>
public sealed partial class JournalOptions
{
    /// <summary>
    /// sendmail logs as sendmail, as sm-mta where it runs with <c>-L sm-mta</c> (Debian), and as
    /// sm-acceptingconnections from its listener: the tags the engine reads. The tags come first because
    /// a line logged as a process exits, after QUIT, can reach journald too late to carry _SYSTEMD_UNIT
    /// (fail2ban#2385: fail2ban, matching the unit only, missed those); the unit catches a renamed tag.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultMatches =
        ["SYSLOG_IDENTIFIER=sendmail", "SYSLOG_IDENTIFIER=sm-mta", "SYSLOG_IDENTIFIER=sm-acceptingconnections", "+", "_SYSTEMD_UNIT=sendmail.service"];

    /// <summary>journalctl matches: FIELD=VALUE, and "+" for "or"; the same field twice is already "or".</summary>
    public IReadOnlyList<string> Matches { get; init; } = DefaultMatches;

    /// <summary>Another journal directory (journalctl --directory), e.g. a copied /var/log/journal; null is this host's.</summary>
    public string? Directory { get; init; }

    /// <summary>journalctl itself.</summary>
    public string Command { get; init; } = "journalctl";

    /// <summary>How far behind the checkpoint a restart starts reading, so that sessions still open are seen whole.</summary>
    public TimeSpan Context { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The source's name in the store (its identity: the checkpoint is this name's), the status page and /healthz/ready: "journal" for this host's sendmail entries.</summary>
    public string Name => "journal" + (Directory is null ? "" : ":" + Path.GetFullPath(Directory))
        + (Matches.SequenceEqual(DefaultMatches) ? "" : " " + string.Join(' ', Matches));

    /// <returns>Why <paramref name="matches"/> are not journalctl matches, or null when they are.</returns>
    public static string? Problem(IReadOnlyList<string> matches) =>
        matches.FirstOrDefault(m => m != "+" && !MatchPattern().IsMatch(m)) is { } bad ? $"'{bad}' is not a journal match (FIELD=VALUE, FIELD in capitals, or '+')"
        : matches.Count > 0 && (matches[0] == "+" || matches[^1] == "+") ? "'+' stands between two groups of journal matches"
        : null;

    [GeneratedRegex("^[A-Z0-9_]+=.*$")]
    private static partial Regex MatchPattern();
}
