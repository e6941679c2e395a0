using System.Globalization;
using AttackDash.Storage.Blocking;
using AttackDash.Operations.Digest;

namespace AttackDash.Cli.Commands.Blocking;

/// <summary><c>attackdash review</c>: the weekly offender review from the command line (and by cron).</summary>
internal static class ReviewCommand
{
    public const string Usage = """
        usage: attackdash review open [--week YYYY-MM-DD] [--mail]   open the review of a week (default: the week
                                                     just ended); --mail sends the digest (Digest:To, default
                                                     postmaster; Digest:Transport sendmail or smtp)
        Review:MinEvents and AnyInjection and the Digest section are read as the web host reads them:
        $ATTACKDASH_SETTINGS or /etc/attackdash/appsettings.json, then Section__Key variables.
               attackdash review show                        the latest review
               attackdash review decide ITEM block32|block24|reject
               attackdash review decide-all REVIEW block32|block24|reject
        Offenders: >= 100 attack events in the week, or any injection attempt, not blocked nor allowed.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--week"], ["--mail"]);
        var p = a.Positionals;
        await using var db = await cli.OpenDatabaseAsync();
        var reviews = cli.Service<IReviewService>();
        var actor = CommonOptions.Actor;
        try
        {
            switch (p.ElementAtOrDefault(0))
            {
                case "open":
                    var opened = await reviews.OpenAsync(Week(a.Value("--week")));
                    Print(cli.Out, opened);
                    if (a.Flag("--mail") && cli.Options<DigestOptions>() is not null && await cli.Service<DigestSender>().SendAsync(opened))
                        cli.Error.WriteLine("attackdash: digest sent");
                    return 0;
                case "show":
                    if (await reviews.LatestAsync() is { } latest)
                        Print(cli.Out, latest);
                    else
                        cli.Out.WriteLine("attackdash: no review yet (review open)");
                    return 0;
                case "decide" when p.Count == 3 && long.TryParse(p[1], CultureInfo.InvariantCulture, out var item):
                    await cli.Service<IBlockingService>().DecideAsync(item, p[2], actor);
                    cli.Out.WriteLine($"attackdash: item {item}: {p[2]}");
                    return 0;
                case "decide-all" when p.Count == 3 && long.TryParse(p[1], CultureInfo.InvariantCulture, out var review):
                    foreach (var refusal in await cli.Service<IBlockingService>().DecideAllAsync(review, p[2], actor))
                        cli.Error.WriteLine($"attackdash: refused: {refusal}");
                    return 0;
                default:
                    throw new UsageException("review open | show | decide ITEM DECISION | decide-all REVIEW DECISION");
            }
        }
        catch (BlockRefusedException e)
        {
            throw new UsageException($"refused: {e.Message}");
        }
        catch (IOException e)
        {
            throw new UsageException($"the digest could not be sent: {e.Message}");
        }
    }

    private static DateOnly Week(string? text)
    {
        if (text is null)
            return ReviewService.WeekStartOf(DateTimeOffset.UtcNow).AddDays(-7);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? ReviewService.WeekStartOf(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : throw new UsageException($"--week takes a date such as 2025-06-02, not '{text}'");
    }

    private static void Print(TextWriter stdout, ReviewView r)
    {
        stdout.WriteLine($"review {r.Id}: week of {r.WeekStart:yyyy-MM-dd}, {r.Items.Count} offenders{(r.ClosedAt is null ? "" : ", closed")}");
        stdout.WriteLine($"{"item",6} {"ip",-40} {"events",8} {"prev",8} {"cc",-3} {"asn",8} {"collateral",10}  decision   kinds");
        foreach (var i in r.Items.OrderByDescending(i => i.Events))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i.Id,6} {i.Ip,-40} {i.Events,8:#,0} {i.PreviousWeekEvents,8:#,0} {i.CountryCode ?? "-",-3} {i.Asn?.ToString(CultureInfo.InvariantCulture) ?? "-",8} {i.CollateralMessages + i.CollateralLogins,10:#,0}  {i.Decision ?? "open",-10} {i.Kinds}"));
        }
    }
}
