namespace AttackDash.Core.Tests;

public sealed class CliTests
{
    [Theory]
    [InlineData("unknown option --bogus", "analyze", "--bogus", "x")]
    [InlineData("--top takes a whole number", "analyze", "--top", "many", "x")]
    [InlineData("--campaign-window takes a duration", "analyze", "--campaign-window", "soon", "x")]
    [InlineData("--tz: unknown time zone", "analyze", "--tz", "Mars/Olympus", "x")]
    [InlineData("no input", "analyze")]
    [InlineData("no such file", "analyze", "/nonexistent/maillog")]
    [InlineData("unknown command", "frobnicate")]
    public void Bad_options_exit_non_zero_with_a_one_line_reason(string reason, params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Malformed_lines_do_not_fail_the_run_and_their_line_numbers_go_to_stderr()
    {
        using var dir = new TempDir();
        var log = dir.File("maillog");
        File.WriteAllLines(log, [
            "Feb 16 23:33:20 smtp1 sm-mta[5133]: s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5",
            "this is not syslog",
        ]);
        var (exit, stdout, stderr) = CliRunner.Run("analyze", "--tz", "UTC", log);
        Assert.Equal(0, exit);
        Assert.Contains("1 malformed line(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("maillog:2", stderr, StringComparison.Ordinal);
        Assert.Contains("190.5.230.178", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_names_compromises_and_campaigns()
    {
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var lines = Enumerable.Range(1, 6).Select(i =>
            $"Mar  1 10:0{i}:00 mx sm-mta[{100 + i}]: 5210{i}0aa000{100 + i}: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=office, relay=[198.51.100.{i}]").ToList();
        lines.Add("Mar  1 11:00:00 mx sm-mta[200]: AUTH=server, relay=[198.51.100.3], authid=office, mech=LOGIN, bits=0");
        File.WriteAllLines(log, lines);
        var (exit, stdout, _) = CliRunner.Run("analyze", "--tz", "UTC", "--year", "2025", log);
        Assert.Equal(0, exit);
        Assert.Contains("Possible compromises: 1", stdout, StringComparison.Ordinal);
        Assert.Contains("198.51.100.3     auth_success      office", stdout, StringComparison.Ordinal);
        Assert.Contains("Campaigns (one username from >= 5 IPs within 10 min): 1", stdout, StringComparison.Ordinal);
        Assert.Matches(@"office\s+2025-03-01 10:01:00\+00:00 \.\. 2025-03-01 10:06:00\+00:00\s+6 IPs\s+6 attempts", stdout);
    }

    [Fact]
    public void Since_and_until_keep_only_events_in_the_half_open_range()
    {
        using var dir = new TempDir();
        var log = dir.File("maillog");
        File.WriteAllLines(log, Enumerable.Range(1, 5).Select(d =>
            $"Mar  {d} 10:00:00 mx sm-mta[{d}]: [192.0.2.{d}]: possible SMTP attack: command=AUTH, count=5"));
        var (exit, stdout, _) = CliRunner.Run("analyze", "--json", "--tz", "UTC", "--year", "2025", "--since", "2025-03-02", "--until", "2025-03-04", log);
        Assert.Equal(0, exit);
        var report = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal(2, (long)report["attackEvents"]!);
        Assert.Equal(["192.0.2.2", "192.0.2.3"], report["offenders"]!.AsArray().Select(o => (string)o!["ip"]!).Order());
        Assert.Equal("2025-03-02T00:00:00+00:00", (string?)report["period"]!["first"]);
    }

    [Fact]
    public void Stdin_is_read_when_the_file_is_a_dash()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "attackdash.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", cli, "analyze", "--json", "--tz", "UTC", "--year", "2025", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.WriteLine("Feb 16 23:33:20 smtp1 sm-mta[5133]: s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var report = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Equal("190.5.230.178", (string?)report["offenders"]![0]!["ip"]);
    }

    [Theory]
    [InlineData(150, 100, "+50%")]
    [InlineData(90, 100, "-10%")]
    [InlineData(100, 100, "0%")]
    [InlineData(5, 0, "new")]
    [InlineData(0, 0, "no change")]
    public void A_change_against_the_previous_period_reads_as_a_percentage(long now, long before, string expected) =>
        Assert.Equal(expected, AttackDash.Core.Reports.Trend.Change(now, before));
}
