using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AttackDash.GeoIp;

/// <summary>
/// Free ASN data as ip-location-db publishes it (npm @ip-location-db/asn, RouteViews and DB-IP,
/// CC BY 4.0): asn-ipv4-num.csv and asn-ipv6-num.csv, lines "first,last,asn,organisation" with the
/// addresses as integers (parsed five times faster than the dotted files beside them), the
/// organisation quoted when it holds a comma. Held as sorted arrays and searched
/// binarily: half a million ranges in about 15 MB. Immutable once read; safe from many threads.
/// </summary>
internal sealed class AsnRanges
{
    private readonly UInt128[] _first;
    private readonly UInt128[] _last;
    private readonly long[] _asn;
    private readonly string[] _organization;

    private AsnRanges(List<(UInt128 First, UInt128 Last, long Asn, string Org)> rows)
    {
        rows.Sort((a, b) => a.First.CompareTo(b.First));
        (_first, _last, _asn, _organization) = ([.. rows.Select(r => r.First)], [.. rows.Select(r => r.Last)], [.. rows.Select(r => r.Asn)], [.. rows.Select(r => r.Org)]);
    }

    public int Count => _first.Length;

    /// <summary>Reads every file given; lines that do not parse are skipped (a damaged file yields fewer ranges, never an error).</summary>
    public static AsnRanges Read(IEnumerable<string> files)
    {
        var rows = new List<(UInt128, UInt128, long, string)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var ipv4 = System.IO.Path.GetFileName(file).Contains("ipv4", StringComparison.OrdinalIgnoreCase);
            try
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (Parse(line, ipv4, names) is { } row)
                        rows.Add(row);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable: as if absent.
            }
        }
        return new AsnRanges(rows);
    }

    public (long Asn, string Organization)? Find(IPAddress ip)
    {
        var key = Key(ip);
        var i = Array.BinarySearch(_first, key);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 && key <= _last[i] ? (_asn[i], _organization[i]) : null;
    }

    private static readonly UInt128 V4Mapped = (UInt128)0xffff << 32;

    /// <summary>Every range of <paramref name="asn"/>, in address order: what it announces, as the data has it.</summary>
    public List<(IPAddress First, IPAddress Last)> RangesOf(long asn)
    {
        var ranges = new List<(IPAddress, IPAddress)>();
        for (var i = 0; i < _asn.Length; i++)
        {
            if (_asn[i] == asn)
                ranges.Add((Address(_first[i]), Address(_last[i])));
        }
        return ranges;
    }

    private static IPAddress Address(UInt128 key)
    {
        if (key >> 32 == 0xffff)
        {
            var v = (uint)(key & uint.MaxValue);
            return new IPAddress([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        }
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(b, key);
        return new IPAddress(b);
    }

    private static (UInt128, UInt128, long, string)? Parse(string line, bool ipv4, Dictionary<string, string> names)
    {
        var parts = line.Split(',', 4);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length < 4 || !UInt128.TryParse(parts[0], inv, out var first) || !UInt128.TryParse(parts[1], inv, out var last)
            || !long.TryParse(parts[2], inv, out var asn) || first > last)
            return null;
        // IPv4 files hold 32-bit numbers: place them where IPv4-mapped IPv6 addresses sort.
        if (ipv4)
        {
            if (last > uint.MaxValue)
                return null;
            (first, last) = (first | V4Mapped, last | V4Mapped);
        }
        var org = parts[3].Length > 1 && parts[3][0] == '"' && parts[3][^1] == '"' ? parts[3][1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : parts[3];
        // A few thousand organisations own half a million ranges: keep one string each.
        if (!names.TryGetValue(org, out var interned))
            names[org] = interned = org;
        return (first, last, asn, interned);
    }

    /// <summary>IPv4 as ::ffff:a.b.c.d, so that one sorted array holds both families apart.</summary>
    private static UInt128 Key(IPAddress ip)
    {
        Span<byte> b = stackalloc byte[16];
        (ip.AddressFamily == AddressFamily.InterNetwork ? ip.MapToIPv6() : ip).TryWriteBytes(b, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(b);
    }
}
