namespace AttackDash.Core.Net;

/// <summary>A network: an address with its host bits cleared and a prefix length counted in the address's own family.</summary>
public readonly record struct Cidr(IpAddress128 Network, int PrefixLength)
{
    public static Cidr Of(IpAddress128 ip, int prefixLength)
    {
        var bits = ip.FamilyBits;
        if (prefixLength < 0 || prefixLength > bits)
            throw new ArgumentOutOfRangeException(nameof(prefixLength), $"prefix /{prefixLength} does not fit a {bits}-bit address");
        var hostBits = bits - prefixLength;
        var mask = hostBits == 128 ? UInt128.Zero : UInt128.MaxValue << hostBits;
        return new Cidr(new IpAddress128(ip.Value & mask), prefixLength);
    }

    public bool Contains(IpAddress128 ip) =>
        ip.IsV4 == Network.IsV4 && Of(ip, PrefixLength).Network == Network;

    public override string ToString() => $"{Network}/{PrefixLength}";
}
