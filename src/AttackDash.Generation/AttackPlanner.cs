namespace AttackDash.Generation;

/// <summary>Spreads each attacker's budget over sessions and days, by tier: giants every day, light IPs once.</summary>
internal sealed class AttackPlanner(Random rng, int days)
{
    private static readonly SessionKind[] GiantKinds = [.. Enumerable.Repeat(SessionKind.Auth, 18), SessionKind.SmtpAttack, SessionKind.AccessDenied];

    private static readonly SessionKind[] HeavyKinds =
    [
        SessionKind.Harvest, SessionKind.Harvest, SessionKind.Harvest, SessionKind.AccessDenied, SessionKind.AccessDenied,
        SessionKind.Relay, SessionKind.Relay, SessionKind.Auth, SessionKind.Auth, SessionKind.Rbl, SessionKind.Sender, SessionKind.RateLimit,
    ];

    private static readonly SessionKind[] LightKinds =
    [
        SessionKind.Auth, SessionKind.Auth, SessionKind.Auth, SessionKind.AccessDenied, SessionKind.AccessDenied, SessionKind.Relay,
        SessionKind.Harvest, SessionKind.Rbl, SessionKind.Sender, SessionKind.PtrReject, SessionKind.RateLimit, SessionKind.NoMail,
        SessionKind.Pregreet, SessionKind.Vrfy, SessionKind.Injection, SessionKind.SmtpAttack,
    ];

    public List<PlannedSession>[] Plan(IEnumerable<Attacker> attackers)
    {
        var byDay = Enumerable.Range(0, days).Select(_ => new List<PlannedSession>()).ToArray();
        foreach (var a in attackers)
        {
            var activeDays = ActiveDays(a);
            for (var left = a.Budget; left > 0;)
            {
                var kind = Pick(a.Tier switch { Tier.Giant => GiantKinds, Tier.Heavy => HeavyKinds, _ => LightKinds });
                var n = Math.Min(left, Size(kind, a.Tier));
                byDay[activeDays[rng.Next(activeDays.Length)]].Add(new PlannedSession(a, kind, n, rng.Next(0, 86_000)));
                left -= n;
            }
        }
        return byDay;
    }

    private int[] ActiveDays(Attacker a)
    {
        var count = a.Tier switch
        {
            Tier.Giant => days,
            Tier.Heavy => rng.Next(1, Math.Min(days, 30) + 1),
            Tier.Mid => rng.Next(1, Math.Min(days, 5) + 1),
            _ => 1,
        };
        if (count == days)
            return Enumerable.Range(0, days).ToArray();
        var start = rng.Next(0, days);
        return Enumerable.Range(0, count).Select(_ => (start + rng.Next(0, Math.Min(days, 60))) % days).ToArray();
    }

    private int Size(SessionKind kind, Tier tier) => kind switch
    {
        SessionKind.Auth => tier == Tier.Giant ? rng.Next(10, 61) : rng.Next(2, 21),
        SessionKind.Harvest => tier == Tier.Heavy ? rng.Next(30, 101) : rng.Next(1, 11),
        SessionKind.Relay => rng.Next(1, 6),
        SessionKind.AccessDenied => rng.Next(1, 5),
        SessionKind.RateLimit => rng.Next(1, 4),
        _ => 1,
    };

    private SessionKind Pick(SessionKind[] kinds) => kinds[rng.Next(kinds.Length)];
}
