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
