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

    /// <summary>The network of <paramref name="ip"/> alone: a /32, or a /128 for IPv6.</summary>
    public static Cidr Host(IpAddress128 ip) => Of(ip, ip.FamilyBits);

    /// <summary>The network around <paramref name="ip"/> that reviews and the IP page offer to block: its /24, or its /64 for IPv6.</summary>
    public static Cidr Neighbourhood(IpAddress128 ip) => Of(ip, ip.IsV4 ? 24 : 64);

    public bool IsV4 => Network.IsV4;

    /// <summary>Host bits: 32 - prefix for IPv4, 128 - prefix for IPv6.</summary>
    public int HostBits => Network.FamilyBits - PrefixLength;

    /// <summary>The last address of the network.</summary>
    public IpAddress128 Last => new(Network.Value | (HostBits == 128 ? UInt128.MaxValue : (UInt128.One << HostBits) - 1));

    public bool Contains(IpAddress128 ip) =>
        ip.IsV4 == Network.IsV4 && Of(ip, PrefixLength).Network == Network;

    public bool Contains(Cidr other) => other.IsV4 == IsV4 && other.PrefixLength >= PrefixLength && Contains(other.Network);

    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>"192.0.2.7" (a single address) or "192.0.2.0/24"; host bits set in the address are refused.</summary>
    public static bool TryParse(string text, out Cidr cidr, out string error)
    {
        cidr = default;
        error = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        if (!IpAddress128.TryParse(address.AsSpan(), out var ip))
        {
            error = ShortForm(address) is { } full
                ? $"'{text}' is a short form, which would be read as another address; write the network in full, e.g. {full}"
                : $"'{text}' is not an IP address or network (IPv4: four octets, as in 192.0.2.0/24)";
            return false;
        }
        var length = ip.FamilyBits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > ip.FamilyBits))
        {
            error = $"'{text}': the prefix length must be 0 to {ip.FamilyBits}";
            return false;
        }
        cidr = Of(ip, length);
        if (cidr.Network != ip)
        {
            error = $"'{text}' has host bits set; the network is {cidr}";
            return false;
        }
        return true;
    }

    /// <summary>"62.233" → "62.233.0.0/16": the network a user who typed one to three octets means.</summary>
    private static string? ShortForm(string address)
    {
        var parts = address.Split('.');
        if (parts.Length > 3 || !parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255))
            return null;
        return string.Join('.', parts.Concat(Enumerable.Repeat("0", 4 - parts.Length))) + "/" + (8 * parts.Length);
    }

    public static Cidr Parse(string text) => TryParse(text, out var c, out var e) ? c : throw new FormatException(e);

    public override string ToString() => $"{Network}/{PrefixLength}";

    /// <summary>"192.0.2.7" for a single address, else "192.0.2.0/24".</summary>
    public string ToShortString() => HostBits == 0 ? Network.ToString() : ToString();
}
