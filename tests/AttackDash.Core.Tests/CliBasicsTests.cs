namespace AttackDash.Core.Tests;

/// <summary>What every command-line tool owes its user: a version, and help that is never read as a file name.</summary>
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
}
