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
}
