using System.Globalization;
using System.Net;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Loopback and allowlisted clients are shown apart on the dashboard and never rank, join a campaign or enter a review.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LocalClientsStoreTests(PostgresFixture pg)
{
    private static readonly DateOnly Day = new(2025, 6, 3);
    private static readonly RollupPeriod June3 = RollupPeriod.Days(Day, Day.AddDays(1));

    [Fact]
    public async Task Loopback_and_allowlisted_clients_leave_the_rankings_campaigns_and_review_and_are_listed_as_local()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        // A broken local script (loopback) and a branch office (allowlisted after the first import) fail
        // AUTH as "admin" as often as the four real attackers, within the campaign window.
        var clients = new[] { "127.0.0.1", "62.233.50.7", "185.220.101.10", "185.220.101.11", "185.220.101.12", "185.220.101.13" };
        await IngestAsync(cs, dir.File("first"), clients, minute: 0);
        await new BlockingService(Store.Of(cs)).AllowAsync(Cidr.Parse("62.233.50.0/24"), "alice", "branch office");
        // A client of the allowlisted network seen only after the allowlist entry is local from its first line.
        await IngestAsync(cs, dir.File("second"), ["62.233.50.8"], minute: 30);

        var dashboard = new DashboardQueries(Store.Of(cs));
        string[] attackers = ["185.220.101.10", "185.220.101.11", "185.220.101.12", "185.220.101.13"];
        Assert.Equal(attackers, (await dashboard.TopOffendersAsync(June3, 50)).Select(o => o.Ip.ToString()).Order());
        Assert.Equal(4, (await dashboard.PeriodSummaryAsync(June3)).Ips);
        Assert.Equal(4, (await dashboard.OffendersPageAsync(new OffenderFilter(June3), OffenderSort.Events, true, 0, 50)).Total);
        Assert.Equal(4, (await dashboard.OffendersByCountryAsync(June3)).Sum(g => g.Ips));
        Assert.Equal(4, (await new TimelineQueries(Store.Of(cs)).DistributionAsync(June3)).Sum(b => b.Ips));

        var from = new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero);
        var campaign = Assert.Single(await new CampaignQueries(Store.Of(cs)).FindAsync(from, from.AddDays(1), TimeSpan.FromHours(1), 3));
        Assert.Equal(attackers, campaign.Ips.Select(i => i.ToString()).Order());

        var review = await new ReviewService(Store.Of(cs), new ReviewPolicy(MinEvents: 1)).OpenAsync(new DateOnly(2025, 6, 2));
        Assert.Equal(attackers, review.Items.Select(i => i.Ip.ToString()).Order());

        var local = await new OverviewQueries(Store.Of(cs)).LocalClientsAsync(June3, 20);
        Assert.Equal(["127.0.0.1", "62.233.50.7", "62.233.50.8"], local.Select(l => l.Ip.ToString()).Order());
        Assert.All(local, l => Assert.Equal(l.Events, l.AttackEvents));

        // report reads the store's allowlist as --local: the branch office is in its local section.
        var report = TestCli.Run(cs, "report", "--json", "--all", "--tz", "UTC");
        Assert.Equal(0, report.Exit);
        Assert.Contains("\"62.233.50.7\"", report.Stdout[report.Stdout.IndexOf("\"local\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static async Task IngestAsync(string cs, string log, IReadOnlyList<string> clients, int minute)
    {
        var lines = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var (ip, n) in clients.Select((ip, n) => (ip, n)))
            {
                var pid = 1000 + (minute * 100) + (i * 10) + n;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Jun  3 10:{minute + i:D2}:{n:D2} mx sm-mta[{pid}]: 5633A0aa{pid:D6}: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=admin, relay=[{IPAddress.Parse(ip)}]"));
            }
        }
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);
    }
}
