using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking;

/// <summary>
/// Merges a block list into its smallest cover: networks inside another are dropped, and two halves of
/// a network (adjacent siblings) become that network, repeatedly. The cover blocks exactly the same
/// addresses, with fewer entries.
/// </summary>
public static class CidrAggregator
{
    public static List<Cidr> Merge(IEnumerable<Cidr> networks)
    {
        var sorted = networks.Distinct().OrderBy(c => c.IsV4 ? 0 : 1).ThenBy(c => c.Network).ThenBy(c => c.PrefixLength).ToList();
        var stack = new List<Cidr>();
        foreach (var c in sorted)
        {
            if (stack.Count > 0 && stack[^1].Contains(c))
                continue;
            stack.Add(c);
            // A new network may complete its sibling into the parent, and that parent its own sibling.
            while (stack.Count >= 2 && TryJoin(stack[^2], stack[^1], out var parent))
            {
                stack.RemoveRange(stack.Count - 2, 2);
                stack.Add(parent);
            }
        }
        return stack;
    }

    private static bool TryJoin(Cidr a, Cidr b, out Cidr parent)
    {
        parent = default;
        if (a.IsV4 != b.IsV4 || a.PrefixLength != b.PrefixLength || a.PrefixLength == 0)
            return false;
        parent = Cidr.Of(a.Network, a.PrefixLength - 1);
        return parent.Network == a.Network && Cidr.Of(b.Network, a.PrefixLength - 1).Network == parent.Network && a.Network != b.Network;
    }
}
