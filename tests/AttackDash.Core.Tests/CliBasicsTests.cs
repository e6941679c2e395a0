namespace AttackDash.Core.Tests;

/// <summary>What every command-line tool owes its user: a version, a manual, and help that is never read as a file name.</summary>
public sealed class CliBasicsTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void The_version_is_printed_and_exits_zero(string flag)
    {
        var (exit, stdout, _) = CliRunner.Run([flag]);
        Assert.Equal(0, exit);
        Assert.Matches(@"^attackdash \d+\.\d+\.\d+", stdout);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("ingest")]
    [InlineData("user")]
    [InlineData("allow")]
    public void Dash_h_after_a_command_prints_its_usage_instead_of_reading_a_file_called_dash_h(string command)
    {
        var (exit, stdout, stderr) = CliRunner.Run([command, "-h"]);
        Assert.Equal(0, exit);
        Assert.Contains($"attackdash {command}", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void The_manual_page_holds_every_command_and_man_formats_it_without_a_warning()
    {
        var (exit, roff, _) = CliRunner.Run(["help", "--man"]);
        Assert.Equal(0, exit);
        Assert.StartsWith(".TH ATTACKDASH 1 ", roff, StringComparison.Ordinal);
        foreach (var command in new[] { "analyze", "ingest", "block", "review", "user", "query\\-timings" })
            Assert.Contains($".SS {command}\n", roff, StringComparison.Ordinal);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("attackdash.1"), roff);
        var man = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("man", ["--warnings", "-l", dir.File("attackdash.1")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["MANWIDTH"] = "200", ["MAN_KEEP_FORMATTING"] = "0" },
        })!;
        var page = man.StandardOutput.ReadToEnd();
        var warnings = man.StandardError.ReadToEnd();
        man.WaitForExit();
        Assert.Equal("", warnings);
        Assert.Contains("--attacker-ips N", page, StringComparison.Ordinal);
        Assert.Contains("the database is unavailable", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ingest")]
    [InlineData("ingest --jo", "--journal")]
    [InlineData("ingest --journal --dir", "--directory")]
    [InlineData("analyze --js", "--json")]
    [InlineData("status --max", "--max-silence")]
    public void Bash_completes_the_commands_and_options_that_the_help_describes(string typed, string expected)
    {
        var (exit, script, _) = CliRunner.Run(["completion", "bash"]);
        Assert.Equal(0, exit);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("attackdash"), script);
        // Real bash, as an interactive shell calls it: the words typed so far, the last one being completed.
        var words = ("attackdash " + typed).Split(' ');
        var probe = $"source {dir.File("attackdash")} && COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}) && COMP_CWORD={words.Length - 1} && _attackdash && printf '%s\\n' \"${{COMPREPLY[@]}}\"";
        var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-c", probe])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var replies = bash.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, errors);
        Assert.Contains(expected, replies);
    }
}
