using AttackDash.Core.Analysis;

namespace AttackDash.Core.Tests;

/// <summary>Policies are configuration: named in the settings, or spelled on one line for `backtest --policy`.</summary>
public sealed class BlockPolicyTests
{
    [Theory]
    [InlineData("100/7d/24/30d", 100, 7, 24, 64, 30)]
    [InlineData("10/2w/32/forever", 10, 14, 32, 128, -1)]
    public void A_one_line_policy_reads_as_threshold_window_width_and_ban_time(string spec, int n, int days, int v4, int v6, int banDays)
    {
        var p = BlockPolicy.Parse(spec, out var error);
        Assert.Null(error);
        Assert.Equal(new BlockPolicy(spec, n, days, v4, v6, banDays < 0 ? TimeSpan.MaxValue : TimeSpan.FromDays(banDays)), p);
    }

    [Theory]
    [InlineData("100/7d/24", "is not N/WINDOW/BLOCK/BAN")]
    [InlineData("0/7d/24/30d", "is not N/WINDOW/BLOCK/BAN")]
    [InlineData("100/7h/24/30d", "the window '7h'")]
    [InlineData("100/7d/16/30d", "block '16' must be 32 or 24")]
    [InlineData("100/7d/24/soon", "the ban time 'soon'")]
    public void A_policy_that_does_not_read_says_which_part_is_wrong(string spec, string reason)
    {
        Assert.Null(BlockPolicy.Parse(spec, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_replays_the_configured_policies_and_those_named_or_spelled_with_policy()
    {
        using var dir = new TempDir();
        var log = dir.File("maillog");
        File.WriteAllLines(log, AttackLines.SmtpAttacks(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), 300, 100, _ => "62.233.50.10"));
        var settings = new Dictionary<string, string?>(CliRunner.NoGeoIp)
        {
            ["Blocking:Policies:0:Name"] = "heavy /24",
            ["Blocking:Policies:0:MinEvents"] = "50",
            ["Blocking:Policies:0:Window"] = "3.00:00:00",
            ["Blocking:Policies:0:Block"] = "/24",
        };
        var configured = CliRunner.Run(settings, "backtest", "--tz", "UTC", log);
        Assert.True(configured.Exit == 0, configured.Stderr);
        Assert.StartsWith("heavy /24", configured.Stdout.Split('\n')[1], StringComparison.Ordinal);
        Assert.DoesNotContain("every IP ever seen", configured.Stdout, StringComparison.Ordinal);

        var chosen = CliRunner.Run(settings, "backtest", "--tz", "UTC", "--policy", "heavy /24,1/52w/32/forever", log);
        Assert.True(chosen.Exit == 0, chosen.Stderr);
        Assert.Contains("1/52w/32/forever", chosen.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(settings, "backtest", "--policy", "light", log).Exit);
    }

    [Theory]
    [InlineData("Block", "/8", "Blocking:Policies:0 (too wide): Block must be")]
    [InlineData("Mode", "always", "Blocking:Policies:0 (too wide): Mode must be \"propose\", \"auto\" or \"off\"")]
    [InlineData("Window", "00:00:10", "Blocking:Policies:0 (too wide): Window must be 1 minute to 100 years")]
    public void A_configured_policy_that_breaks_a_rule_is_refused_with_its_setting_named(string key, string value, string message)
    {
        var (exit, _, stderr) = CliRunner.Run(new Dictionary<string, string?>(CliRunner.NoGeoIp)
        {
            ["Blocking:Policies:0:Name"] = "too wide",
            [$"Blocking:Policies:0:{key}"] = value,
        }, "backtest", "/dev/null");
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:10:00", "10m")]
    [InlineData("7.00:00:00", "1w")]
    [InlineData("1.12:00:00", "36h")]
    [InlineData("00:00:45", "45s")]
    public void A_window_is_written_in_its_largest_whole_unit_and_reads_back_the_same(string span, string text)
    {
        var duration = TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(text, Core.Reports.Durations.Text(duration));
        Assert.True(Core.Reports.Durations.TryParse(text, out var back) && back == duration);
    }
}
