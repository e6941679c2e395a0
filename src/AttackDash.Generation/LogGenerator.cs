using AttackDash.Core.Analysis;

namespace AttackDash.Generation;

/// <summary>
/// A deterministic generator of realistic sendmail logs (same seed and options, same bytes) with the
/// ground truth of what it wrote. It streams day by day, so its memory follows the plan, not the output.
/// </summary>
public static class LogGenerator
{
    public static GroundTruth Generate(TextWriter output, GeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Lines, 100);
        var rng = new Random(options.Seed);
        var truth = new TruthRecorder();
        var day = new DayBuffer(output, options, truth);
        var pids = new PidAllocator(rng);
        var words = new Vocabulary(rng);
        var population = new Population(rng, attackBudget: options.Lines / 2, options.AttackerIps);
        var traffic = new TrafficRenderer(rng, day, truth, pids, words, population);
        var attacks = new AttackRenderer(rng, day, truth, pids, words);
        var plan = new AttackPlanner(rng, options.Days).Plan(population.Attackers);
        var extras = PlanExtras(rng, options, population);
        var legitPerDay = (int)Math.Max(1, options.Lines * 0.40 / 3.2 / options.Days);
        var otherPerDay = (int)Math.Max(1, options.Lines * 0.10 / options.Days);
        var malformedPerDay = Math.Max(0.02, options.Lines * 0.0005 / options.Days);
        var start = new DateTimeOffset(options.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (var d = 0; d < options.Days; d++)
        {
            day.Day = start.AddDays(d);
            var dayStart = d * 86_400L;
            foreach (var session in plan[d])
                attacks.Render(session, dayStart);
            plan[d] = [];
            foreach (var extra in extras.Where(e => e.Day == d))
                extra.Render(traffic, attacks, dayStart);
            for (var i = 0; i < legitPerDay; i++)
                Legit(rng, traffic, dayStart, population, words);
            for (var i = 0; i < otherPerDay; i++)
                traffic.OtherProgram();
            for (var m = Poisson(rng, malformedPerDay); m > 0; m--)
                traffic.Malformed();
            day.Flush(rng);
        }
        return truth.Build(options.Seed);
    }

    private static void Legit(Random rng, TrafficRenderer traffic, long dayStart, Population population, Vocabulary words)
    {
        var p = rng.NextDouble();
        if (p < 0.75)
            traffic.Inbound(dayStart);
        else if (p < 0.9)
            traffic.Submission(dayStart, population.LegitUsers[rng.Next(population.LegitUsers.Count)], words.LocalPart());
        else
            traffic.Local(dayStart);
    }

    /// <summary>Campaigns, compromises and unattributable sessions, placed on days up front.</summary>
    private static List<Extra> PlanExtras(Random rng, GeneratorOptions o, Population population)
    {
        var extras = new List<Extra>();
        var campaigns = (int)Math.Clamp(o.Lines / 40_000, 2, 400);
        for (var c = 0; c < campaigns; c++)
        {
            var members = Enumerable.Range(0, rng.Next(5, 13)).Select(_ => population.CampaignIp(rng.Next(1, 3))).ToList();
            extras.Add(new CampaignExtra(Recent(o, rng.Next(o.Days), c < 3), rng.Next(0, 85_000), Vocabulary.CampaignUser(c), members, rng));
        }
        var mids = population.Attackers.Where(a => a.Tier == Tier.Mid).ToList();
        for (var i = 0; i < Math.Clamp(o.Lines / 100_000, 1, 5) && mids.Count > 0; i++)
            extras.Add(new CompromiseExtra(Recent(o, rng.Next(o.Days), i == 0), mids[rng.Next(mids.Count)]));
        for (var i = 0; i < Math.Clamp(o.Lines / 50_000, 1, 200); i++)
            extras.Add(new UnattributedExtra(rng.Next(o.Days)));
        return extras;
    }

    /// <summary>The drawn day, or when <paramref name="recent"/> is asked for, one of the last <see cref="GeneratorOptions.RecentDays"/> days.</summary>
    private static int Recent(GeneratorOptions o, int day, bool recent) =>
        recent && o.RecentDays > 0 ? o.Days - 1 - (day % Math.Min(o.RecentDays, o.Days)) : day;

    private static int Poisson(Random rng, double mean)
    {
        var (l, k, p) = (Math.Exp(-mean), 0, 1.0);
        do
        {
            k++;
            p *= rng.NextDouble();
        } while (p > l);
        return k - 1;
    }

    private abstract record Extra(int Day)
    {
        public abstract void Render(TrafficRenderer traffic, AttackRenderer attacks, long dayStart);
    }

    /// <summary>One username from many fresh IPs within a few minutes: the rotating-IP dictionary attack.</summary>
    private sealed record CampaignExtra(int Day, int Second, string User, List<Attacker> Members, Random Rng) : Extra(Day)
    {
        public override void Render(TrafficRenderer traffic, AttackRenderer attacks, long dayStart)
        {
            var attempts = Members.SelectMany(m => Enumerable.Repeat(m, m.Budget)).OrderBy(_ => Rng.Next()).ToList();
            var second = Second;
            var times = new List<int>();
            foreach (var member in attempts)
            {
                second += Rng.Next(3, 15);
                times.Add(second);
                attacks.RenderCampaignAttempt(member, User, second, dayStart);
            }
            attacks.RecordCampaign(new Campaign(User, attacks.TimeOf(times[0]), attacks.TimeOf(times[^1]), Members.Count, attempts.Count));
        }
    }

    private sealed record CompromiseExtra(int Day, Attacker Attacker) : Extra(Day)
    {
        public override void Render(TrafficRenderer traffic, AttackRenderer attacks, long dayStart) =>
            traffic.Submission(dayStart, Attacker.Ip, "webmaster1");
    }

    private sealed record UnattributedExtra(int Day) : Extra(Day)
    {
        public override void Render(TrafficRenderer traffic, AttackRenderer attacks, long dayStart) => traffic.Unattributable(dayStart);
    }
}
