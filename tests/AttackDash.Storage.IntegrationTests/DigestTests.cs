using System.Globalization;
using AttackDash.Operations.Reviews;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class DigestTests(PostgresFixture pg)
{
    [Fact]
    public async Task Opening_a_review_mails_a_digest_through_sendmail_t()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var lines = Enumerable.Range(0, 130).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"Jun  3 10:{i / 60:D2}:{i % 60:D2} mx sm-mta[{100 + i}]: [62.233.50.10]: possible SMTP attack: command=AUTH, count=5")).ToList();
        lines.Add("Jun  4 11:00:00 mx sm-mta[900]: AUTH=server, relay=[62.233.50.10], authid=webmaster, mech=LOGIN, bits=0");
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);

        // A stand-in for sendmail -t that keeps what it was given, with its arguments.
        var captured = dir.File("captured.eml");
        var fake = dir.File("sendmail");
        await File.WriteAllTextAsync(fake, $"#!/bin/sh\necho \"args: $*\" > {captured}\ncat >> {captured}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var settings = new Dictionary<string, string?>(CliRunner.NoGeoIp)
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Digest:SendmailPath"] = fake,
            // One comma-separated value, as Digest__To=... in a unit file.
            ["Digest:To"] = "ops@example.org",
            ["Digest:DashboardUrl"] = "https://attackdash.example.org",
        };
        var (exit, stdout, stderr) = CliRunner.Run(settings, "review", "open", "--week", "2025-06-02", "--mail");
        Assert.True(exit == 0, stderr);
        Assert.Contains("62.233.50.10", stdout, StringComparison.Ordinal);
        var mail = await File.ReadAllTextAsync(captured);
        Assert.StartsWith("args: -t -i\n", mail, StringComparison.Ordinal);
        Assert.Contains("To: ops@example.org\r\n", mail, StringComparison.Ordinal);
        Assert.Contains("Subject: AttackDash: 1 possible compromise(s), 1 offenders to review\r\n", mail, StringComparison.Ordinal);
        Assert.Contains("Attack events: 130 (new against the week before)", mail, StringComparison.Ordinal);
        Assert.Contains("62.233.50.10                                  130", mail, StringComparison.Ordinal);
        Assert.Contains("auth_success", mail, StringComparison.Ordinal);
        Assert.Contains("Review: https://attackdash.example.org/review/", mail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-02T05:00:00Z", "2025-06-02T06:00:00Z")]
    [InlineData("2025-06-02T06:00:00Z", "2025-06-09T06:00:00Z")]
    [InlineData("2025-06-04T12:00:00Z", "2025-06-09T06:00:00Z")]
    public void The_review_opens_on_the_configured_day_and_hour(string now, string next)
    {
        var worker = new ReviewWorker(Options.Create(new ReviewScheduleOptions()), new AttackDashDatabase(), null!,
            new ReviewStatus(), TimeProvider.System, NullLogger<ReviewWorker>.Instance);
        Assert.Equal(DateTimeOffset.Parse(next, CultureInfo.InvariantCulture), worker.NextRun(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }
}
