using System.Runtime.CompilerServices;
using AttackDash.Core.Net;

namespace AttackDash.Core.Sendmail;

/// <summary>
/// sendmail's client text: <c>[1.2.3.4]</c>, <c>host [1.2.3.4]</c>, <c>host [IPv6:2001:db8::1] (may be forged)</c>.
/// </summary>
internal readonly ref struct ClientSpec
{
    public IpAddress128 Ip { get; init; }
    public ReadOnlySpan<byte> HostName { get; init; }
    public bool MayBeForged { get; init; }

    /// <summary>Bytes of <c>s</c> that the client text used.</summary>
    public int Length { get; init; }

    private static ReadOnlySpan<byte> Forged => " (may be forged)"u8;

    /// <summary>
    /// The client of a line whose last field is <c>relay=</c> (from=, AUTH failure). Everything before it
    /// may be the client's own text, but nothing can follow it, so the address is the bracket that ends the
    /// line; a line that does not end so names no client. <paramref name="relayAt"/> is where the
    /// <c>, relay=</c> before it starts (the end of the fields the client wrote).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseLast(ReadOnlySpan<byte> body, out ClientSpec client, out int relayAt)
    {
        client = default;
        relayAt = -1;
        var forged = body.EndsWith(Forged);
        var end = forged ? body.Length - Forged.Length : body.Length;
        if (end < 3 || body[end - 1] != ']')
            return false;
        var open = body[..end].LastIndexOf((byte)'[');
        if (open < 0 || !IpAddress128.TryParse(body[(open + 1)..(end - 1)], out var ip))
            return false;
        relayAt = body[..open].LastIndexOf(", relay="u8);
        if (relayAt < 0)
            return false;
        // A host name has no spaces; one that seems to is a crafted PTR name, so only the address is kept.
        var host = open > relayAt + 8 ? body[(relayAt + 8)..(open - 1)] : default;
        if (host.IndexOf((byte)' ') >= 0 || (open > relayAt + 8 && body[open - 1] != ' '))
            host = default;
        client = new ClientSpec { Ip = ip, HostName = host, MayBeForged = forged, Length = body.Length - relayAt - 8 };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> s, out ClientSpec client)
    {
        client = default;
        var i = 0;
        while (i < s.Length && s[i] == ' ')
            i++;
        ReadOnlySpan<byte> host = default;
        if (i < s.Length && s[i] != '[')
        {
            var space = s[i..].IndexOf((byte)' ');
            if (space <= 0)
                return false;
            host = s.Slice(i, space);
            i += space + 1;
        }
        if (i >= s.Length || s[i] != '[')
            return false;
        var close = s[i..].IndexOf((byte)']');
        if (close < 0 || !IpAddress128.TryParse(s.Slice(i + 1, close - 1), out var ip))
            return false;
        i += close + 1;
        var forged = s[i..].StartsWith(Forged);
        if (forged)
            i += Forged.Length;
        client = new ClientSpec { Ip = ip, HostName = host, MayBeForged = forged, Length = i };
        return true;
    }
}
