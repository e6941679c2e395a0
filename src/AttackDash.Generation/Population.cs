using AttackDash.Core.Net;

namespace AttackDash.Generation;

internal enum Tier
{
    Giant,
    Heavy,
    Mid,
    Light,
    Campaign,
}

/// <summary>One attacking IP: how many attack events it will send, and how it looks in the log.</summary>
internal sealed class Attacker(IpAddress128 ip, Tier tier, int budget, string? ptr, bool forged)
{
    public IpAddress128 Ip { get; } = ip;
    public Tier Tier { get; } = tier;
    public int Budget { get; } = budget;
    public string? Ptr { get; } = ptr;
    public bool Forged { get; } = forged;
    public int Index { get; set; }

    /// <summary>sendmail's client text: "[ip]", "host [ip]" or "host [ip] (may be forged)".</summary>
    public string Client => ClientText(Ip, Ptr, Forged);

    public static string ClientText(IpAddress128 ip, string? ptr, bool forged)
    {
        var bracket = ip.IsV4 ? $"[{ip}]" : $"[IPv6:{ip}]";
        var text = ptr is null ? bracket : $"{ptr} {bracket}";
        return forged ? text + " (may be forged)" : text;
    }
}

/// <summary>
/// The heavy-tailed botnet of the operator's year: three giants with tens of thousands of attempts,
/// a few dozen over 100, and thousands of IPs that send one or two. At a provider's scale the same
/// shape holds: about 0.4% of the IPs over 100, about half at one or two.
/// </summary>
internal sealed class Population
{
    private readonly Random _rng;
    private readonly HashSet<IpAddress128> _used = [];

    public List<Attacker> Attackers { get; } = [];
    public List<IpAddress128> LegitMtas { get; } = [];
    public List<IpAddress128> LegitUsers { get; } = [];

    public Population(Random rng, long attackBudget, int? attackerIps = null)
    {
        _rng = rng;
        var ipCount = attackerIps ?? (int)Math.Clamp(attackBudget / 160, 40, 7000);
        // The site's 52 heavy hitters, or 0.36% of a provider's botnet, as in the provider's year.
        var heavyCount = Math.Max(Math.Clamp(ipCount / 120, 3, 52), ipCount / 275);
        // Past 52 heavy hitters each gets a smaller share, so that the giants keep theirs.
        var heavyMax = Math.Max(101, attackBudget / 400 * Math.Min(52, heavyCount) / heavyCount);
        var spent = 0L;
        var heavyNets = Enumerable.Range(0, Math.Max(2, heavyCount / 3)).Select(_ => RandomV4() & ~0xffu).ToArray();
        for (var i = 0; i < heavyCount; i++)
            spent += Add(Tier.Heavy, (int)LogUniform(100, heavyMax), V4InNet(heavyNets[i % heavyNets.Length]));
        var midCount = ipCount / 5;
        for (var i = 0; i < midCount; i++)
            spent += Add(Tier.Mid, (int)LogUniform(3, 99), NextIp(v6: i % 17 == 0));
        for (var i = heavyCount + midCount; i < ipCount; i++)
            spent += Add(Tier.Light, _rng.NextDouble() < 0.6 ? 1 : 2, NextIp(v6: i % 23 == 0));
        // The giants take what is left of the budget, split 50/30/20.
        var rest = Math.Max(300, attackBudget - spent);
        foreach (var share in new[] { 0.5, 0.3, 0.2 })
            Add(Tier.Giant, (int)(rest * share), NextIp(v6: false));
        for (var i = 0; i < 150; i++)
            LegitMtas.Add(NextIp(v6: i % 10 == 0));
        for (var i = 0; i < 20; i++)
            LegitUsers.Add(NextIp(v6: false));
        for (var i = 0; i < Attackers.Count; i++)
            Attackers[i].Index = i;
    }

    /// <summary>A fresh IP for one member of a rotating-IP campaign.</summary>
    public Attacker CampaignIp(int attempts)
    {
        var a = new Attacker(NextIp(v6: false), Tier.Campaign, attempts, Ptr(), forged: false) { Index = Attackers.Count };
        Attackers.Add(a);
        return a;
    }

    private int Add(Tier tier, int budget, IpAddress128 ip)
    {
        var forged = _rng.NextDouble() < 0.15;
        Attackers.Add(new Attacker(ip, tier, budget, Ptr(), forged));
        return budget;
    }

    private string? Ptr() => _rng.NextDouble() switch
    {
        < 0.45 => null,
        < 0.75 => $"host-{_rng.Next(1, 255)}-{_rng.Next(1, 255)}.dynamic.{Pick(Isps)}",
        _ => $"{Pick(Words)}{_rng.Next(1, 99)}.{Pick(Isps)}",
    };

    private double LogUniform(double min, double max) => Math.Floor(Math.Exp(Math.Log(min) + (_rng.NextDouble() * (Math.Log(max) - Math.Log(min)))));

    private IpAddress128 NextIp(bool v6)
    {
        while (true)
        {
            var ip = v6
                // Global unicast under 2a00::/12 (RIPE): documentation space (2001:db8::/32) is
                // protected and never blocked, which would make these attackers unblockable.
                ? new IpAddress128(((UInt128)(0x2a000000u | (uint)_rng.Next(0, 1 << 20)) << 96) | ((UInt128)(uint)_rng.Next() << 32) | (uint)_rng.Next())
                : IpAddress128.FromV4(RandomV4());
            if (_used.Add(ip))
                return ip;
        }
    }

    private IpAddress128 V4InNet(uint net)
    {
        while (true)
        {
            var ip = IpAddress128.FromV4(net | (uint)_rng.Next(2, 254));
            if (_used.Add(ip))
                return ip;
        }
    }

    // Public-looking unicast: no 0/8, 10/8, 127/8, 172.16/12, 192.168/16 or multicast.
    private uint RandomV4()
    {
        while (true)
        {
            var a = (uint)_rng.Next(1, 224);
            var b = (uint)_rng.Next(0, 256);
            if (a is 10 or 127 || (a == 172 && b is >= 16 and < 32) || (a == 192 && b == 168))
                continue;
            return (a << 24) | (b << 16) | ((uint)_rng.Next(0, 256) << 8) | (uint)_rng.Next(1, 255);
        }
    }

    private string Pick(string[] xs) => xs[_rng.Next(xs.Length)];

    private static readonly string[] Isps = ["telecom.example", "broadband.example.net", "cloud-vps.example.com", "hosting.example.org", "adsl.example.br"];
    private static readonly string[] Words = ["mail", "smtp", "srv", "node", "vps", "static", "pool", "customer"];
}
