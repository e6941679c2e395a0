using System.Globalization;
using AttackDash.Storage.Blocking;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Attacker text that names another address never brings that address's network into a review or an export.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FramedAddressTests(PostgresFixture pg)
{
    private const string Fake = ", relay=[45.155.205.202], reject=";

    [Fact]
    public async Task A_crafted_sender_that_names_a_fake_relay_never_puts_the_fake_in_the_review_or_the_exports()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var lines = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"Jun  3 10:{i / 60 % 60:D2}:{i % 60:D2} mx sm-mta[{500 + i}]: ");
            var sender = $"<x{Fake}@example.org>";
            lines.Add(at + "STARTTLS=server, relay=[185.220.101.50], version=TLSv1.2, verify=NO, cipher=AES256-GCM-SHA384, bits=256/256");
            lines.Add(at + string.Create(CultureInfo.InvariantCulture, $"5633A0aa{500 + i:D6}: ruleset=check_mail, arg1={sender}, relay=[185.220.101.50], reject=553 5.1.8 {sender}... Domain of sender address {sender} does not exist"));
        }
        // The same crafted line from a session that never named its client: nobody may be blamed for it.
        lines.Add($"Jun  3 11:00:00 mx sm-mta[900]: NOQUEUE: ruleset=check_mail, arg1=<x{Fake}@example.org>, relay=[185.220.101.51], reject=553 5.1.8 <x{Fake}@example.org>... Domain of sender address <x{Fake}@example.org> does not exist");
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);

        var reviews = new ReviewService(Store.Of(cs));
        var review = await reviews.OpenAsync(new DateOnly(2025, 6, 2));
        Assert.Equal(["185.220.101.50"], review.Items.Select(i => i.Ip.ToString()));
        await new BlockingService(Store.Of(cs)).DecideAllAsync(review.Id, "block24", "alice");
        Assert.Equal("185.220.101.0/24\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
        foreach (var format in new[] { "nftables", "sendmail-access" })
        {
            var export = TestCli.Run(cs, "export", "--format", format);
            Assert.Equal(0, export.Exit);
            Assert.Contains("185.220.101", export.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("45.155.205", export.Stdout, StringComparison.Ordinal);
        }
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip <<= '45.155.205.0/24'"));
    }
}
