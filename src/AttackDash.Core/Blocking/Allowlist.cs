using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking;

/// <summary>
/// Networks that must never be blocked: the special-purpose ranges (<see cref="Reserved"/>) always,
/// plus the operator's own networks and trusted MTAs. Also holds the width rule: a block wider than /16 (IPv4) or /48 (IPv6)
/// needs explicit confirmation, since a /8 can lock out good mail.
/// </summary>
public sealed class Allowlist(IEnumerable<Cidr> entries)
{
    public const int WidestIPv4WithoutConfirmation = 16;
    public const int WidestIPv6WithoutConfirmation = 48;

    /// <summary>
    /// Never blocked: the entries of IANA's IPv4 and IPv6 special-purpose address registries that are
    /// not globally reachable (RFC 6890 and later), plus multicast, the 6to4 ranges and IPv4 class E
    /// with the limited broadcast. Their clients are still counted: only blocking them is refused.
    /// IPv4-mapped IPv6 (::ffff:0:0/96) is absent because <see cref="IpAddress128"/> reads those as the
    /// IPv4 addresses they are.
    /// </summary>
    public static IReadOnlyList<Cidr> Reserved { get; } = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64",
        "2001:2::/48", "2001:10::/28", "2001:20::/28", "2001:db8::/32", "2002::/16", "3fff::/20",
        "5f00::/16", "fc00::/7", "fe80::/10", "ff00::/8",
    }.Select(Cidr.Parse)];

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
