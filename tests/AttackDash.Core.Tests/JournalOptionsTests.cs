namespace AttackDash.Core.Tests;

/// <summary>`ingest --journal` passes its matches to journalctl: anything that is not a match is refused before journalctl or the database is touched.</summary>
public sealed class JournalOptionsTests
{
    [Theory]
    [InlineData("--output=cat", "unknown option --output")]
    [InlineData("sm-mta", "is not a journal match")]
    [InlineData("syslog_identifier=sm-mta", "is not a journal match")]
    [InlineData("+", "'+' stands between two groups")]
    [InlineData("-", "not stdin")]
    public void A_journal_match_that_journalctl_would_read_otherwise_exits_2_with_the_reason(string match, string reason)
    {
        var (exit, _, stderr) = CliRunner.Run(["ingest", "--journal", match]);
        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_directory_without_journal_or_that_does_not_exist_exits_2()
    {
        Assert.Contains("it needs --journal", CliRunner.Run(["ingest", "--directory", "/tmp", "maillog"]).Stderr, StringComparison.Ordinal);
        var (exit, _, stderr) = CliRunner.Run(["ingest", "--journal", "--directory", "/nonexistent/journal"]);
        Assert.Equal(2, exit);
        Assert.Contains("no such directory", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/log/mail.log", true)]
    [InlineData("journal:", true)]
    [InlineData("journal:/var/log/journal SYSLOG_IDENTIFIER=sm-mta + _SYSTEMD_UNIT=sendmail.service", true)]
    [InlineData("journal:sm-mta", false)]
    [InlineData("journal:SYSLOG_IDENTIFIER=sm-mta +", false)]
    public void An_ingest_path_naming_the_journal_is_held_to_the_same_rules_as_the_command_line(string path, bool valid) =>
        Assert.Equal(valid, AttackDash.Ingestion.Journal.JournalPath.IsValid(path));
}
