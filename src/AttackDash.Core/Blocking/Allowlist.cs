using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking;

/// <summary>
/// Networks that must never be blocked: private and loopback ranges always, plus the operator's own
/// networks and trusted MTAs. Also holds the width rule: a block wider than /16 (IPv4) or /48 (IPv6)
/// needs explicit confirmation, since a /8 can lock out good mail.
/// </summary>
public sealed class Allowlist(IEnumerable<Cidr> entries)
{
    public const int WidestIPv4WithoutConfirmation = 16;
    public const int WidestIPv6WithoutConfirmation = 48;

    public static IReadOnlyList<Cidr> Reserved { get; } =
    [
        Cidr.Parse("0.0.0.0/8"), Cidr.Parse("10.0.0.0/8"), Cidr.Parse("127.0.0.0/8"), Cidr.Parse("169.254.0.0/16"),
        Cidr.Parse("172.16.0.0/12"), Cidr.Parse("192.168.0.0/16"), Cidr.Parse("100.64.0.0/10"),
        Cidr.Parse("::1/128"), Cidr.Parse("fc00::/7"), Cidr.Parse("fe80::/10"),
    ];

    private readonly List<Cidr> _entries = [.. Reserved, .. entries];

    public IReadOnlyList<Cidr> Entries => _entries;

    /// <summary>Why <paramref name="block"/> may not be blocked, or null when it may.</summary>
    public string? Refusal(Cidr block, bool wideConfirmed)
    {
        foreach (var allowed in _entries)
        {
            if (allowed.Overlaps(block))
                return $"{block} overlaps the allowlist entry {allowed}";
        }
        var widest = block.IsV4 ? WidestIPv4WithoutConfirmation : WidestIPv6WithoutConfirmation;
        if (block.PrefixLength < widest && !wideConfirmed)
            return $"{block} is wider than /{widest}: it may block good mail servers; confirm it explicitly to block it";
        return null;
    }
}
