namespace AttackDash.Core.Net;

/// <summary>Address ranges (first to last, as ASN data lists them) as the fewest networks that cover them exactly.</summary>
public static class CidrRange
{
    /// <summary>The networks, in address order, whose union is exactly [<paramref name="first"/>, <paramref name="last"/>]; both of one family.</summary>
    public static List<Cidr> Cover(IpAddress128 first, IpAddress128 last)
    {
        if (first.IsV4 != last.IsV4)
            throw new ArgumentException($"{first} and {last} are of different families");
        var bits = first.FamilyBits;
        var maxK = Math.Min(bits, 127);
        var networks = new List<Cidr>();
        var at = first.Value;
        while (at <= last.Value)
        {
            // The largest aligned block that starts here and ends at or before last.
            var k = 0;
            while (k < maxK && (at & (((UInt128)1 << (k + 1)) - 1)) == 0 && at + (((UInt128)1 << (k + 1)) - 1) <= last.Value)
                k++;
            networks.Add(Cidr.Of(new IpAddress128(at), bits - k));
            var next = at + ((UInt128)1 << k);
            if (next < at)
                break;
            at = next;
        }
        return networks;
    }
}
