using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AttackDash.Core.Net;

/// <summary>
/// An IPv4 or IPv6 address as one 128-bit value. IPv4 is stored IPv4-mapped (::ffff:a.b.c.d), so a
/// mapped address written by the MTA and the plain IPv4 form are the same key.
/// </summary>
public readonly record struct IpAddress128(UInt128 Value) : IComparable<IpAddress128>
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xffff << 32;
    private static readonly UInt128 MappedMask = ~(UInt128)uint.MaxValue;

    public bool IsV4 => (Value & MappedMask) == MappedPrefix;

    /// <summary>Prefix bits for this family: 32 for IPv4, 128 for IPv6.</summary>
    public int FamilyBits => IsV4 ? 32 : 128;

    public static IpAddress128 FromV4(uint address) => new(MappedPrefix | address);

    public int CompareTo(IpAddress128 other) => Value.CompareTo(other.Value);

    /// <summary>Parses an IPv4 dotted quad or an IPv6 text (with or without an "IPv6:" tag) from ASCII bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out IpAddress128 address)
    {
        if (TryParseV4(text, out var v4))
        {
            address = FromV4(v4);
            return true;
        }
        if (text.Length > 5 && (text[0] | 0x20) == 'i' && text[..5].SequenceEqual("IPv6:"u8))
            text = text[5..];
        if (text.Length is < 2 or > 45 || text.IndexOf((byte)':') < 0)
        {
            address = default;
            return false;
        }
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
            chars[i] = (char)text[i];
        return TryParse(chars, out address);
    }

    /// <summary>
    /// Strict: IPv4 only as four decimal octets. IPAddress alone takes "62.233" for 62.0.0.233 and
    /// "1" for 0.0.0.1, so an operator's short network would block an unrelated address.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpAddress128 address)
    {
        if (text.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
            text = text[5..];
        if (text.IndexOf(':') < 0)
        {
            Span<byte> bytes = stackalloc byte[Math.Min(text.Length, 16)];
            var ascii = text.Length <= 15 && System.Text.Ascii.FromUtf16(text, bytes, out _) == System.Buffers.OperationStatus.Done;
            uint v4 = 0;
            var ok = ascii && TryParseV4(bytes[..text.Length], out v4);
            address = ok ? FromV4(v4) : default;
            return ok;
        }
        if (IPAddress.TryParse(text, out var ip) && text.IndexOf('%') < 0)
        {
            address = From(ip);
            return true;
        }
        address = default;
        return false;
    }

    public static IpAddress128 Parse(string text) =>
        TryParse(text.AsSpan(), out var a) ? a : throw new FormatException($"'{text}' is not an IP address.");

    public static IpAddress128 From(IPAddress ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b4 = stackalloc byte[4];
            ip.TryWriteBytes(b4, out _);
            return FromV4(BinaryPrimitives.ReadUInt32BigEndian(b4));
        }
        Span<byte> b = stackalloc byte[16];
        ip.TryWriteBytes(b, out _);
        return new IpAddress128(BinaryPrimitives.ReadUInt128BigEndian(b));
    }

    public IPAddress ToIPAddress()
    {
        if (IsV4)
            return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)Value));
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(b, Value);
        return new IPAddress(b);
    }

    public override string ToString()
    {
        if (!IsV4)
            return ToIPAddress().ToString();
        var v = (uint)Value;
        return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 0xff}.{(v >> 8) & 0xff}.{v & 0xff}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseV4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        if (text.Length is < 7 or > 15)
            return false;
        uint octet = 0;
        int digits = 0, dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || ++dots > 3)
                    return false;
                value = (value << 8) | octet;
                octet = 0;
                digits = 0;
                continue;
            }
            var d = (uint)(c - '0');
            if (d > 9 || ++digits > 3 || (digits > 1 && octet == 0))
                return false;
            octet = (octet * 10) + d;
            if (octet > 255)
                return false;
        }
        if (dots != 3 || digits == 0)
            return false;
        value = (value << 8) | octet;
        return true;
    }
}
