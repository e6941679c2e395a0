using System.Net;
using MaxMind.Db;
using MaxMind.GeoIP2;
using MaxMind.GeoIP2.Exceptions;

namespace AttackDash.GeoIp;

/// <summary>The databases found at one moment, opened by their own metadata type. Immutable once built.</summary>
internal sealed class MmdbSet : IDisposable
{
    private readonly List<DatabaseReader> _cities = [];
    private readonly List<DatabaseReader> _countries = [];
    private readonly List<DatabaseReader> _asns = [];
    private readonly List<Reader> _dbip = [];

    private readonly AsnRanges _ranges;

    public List<(IPAddress First, IPAddress Last)> RangesOf(long asn) => _ranges.RangesOf(asn);

    public DateTimeOffset Version { get; }
    public IReadOnlyList<string> Files { get; }

    /// <summary>DB-IP Lite (CC BY 4.0) asks for a link wherever its results are shown; RouteViews' data (CC BY 4.0) for attribution.</summary>
    public IReadOnlyList<GeoCredit> Credits { get; }

    public MmdbSet(IEnumerable<string> files)
    {
        var opened = new List<string>();
        var version = DateTimeOffset.MinValue;
        var csv = new List<string>();
        foreach (var file in files)
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                csv.Add(file);
            else if (!Open(file))
                continue;
            opened.Add(file);
            var mtime = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            version = mtime > version ? mtime : version;
        }
        _ranges = AsnRanges.Read(csv);
        opened.AddRange(_ranges.Count > 0 ? csv : []);
        Files = opened;
        Version = version;
        var credits = new List<GeoCredit>();
        if (_dbip.Count > 0)
            credits.Add(new GeoCredit("IP Geolocation by DB-IP", "https://db-ip.com"));
        if (_ranges.Count > 0)
            credits.Add(new GeoCredit("ASN data: RouteViews and DB-IP, CC BY 4.0", "https://www.routeviews.org"));
        Credits = credits;
    }

    private bool Open(string file)
    {
        try
        {
            var generic = new Reader(file, FileAccessMode.MemoryMapped);
            var type = generic.Metadata.DatabaseType;
            if (type.Contains("City", StringComparison.Ordinal) && !type.StartsWith("DBIP", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(file).StartsWith("dbip", StringComparison.OrdinalIgnoreCase))
                _cities.Add(Reopen(generic, file));
            else if (type.Contains("Country", StringComparison.Ordinal) && !Path.GetFileName(file).StartsWith("dbip", StringComparison.OrdinalIgnoreCase))
                _countries.Add(Reopen(generic, file));
            else if (type.Contains("ASN", StringComparison.Ordinal))
                _asns.Add(Reopen(generic, file));
            else if (Path.GetFileName(file).StartsWith("dbip", StringComparison.OrdinalIgnoreCase))
                _dbip.Add(generic);
            else
            {
                generic.Dispose();
                return false;
            }
            return true;
        }
        catch (Exception e) when (e is InvalidDatabaseException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    private static DatabaseReader Reopen(Reader generic, string file)
    {
        generic.Dispose();
        return new DatabaseReader(file, FileAccessMode.MemoryMapped);
    }

    public GeoInfo Locate(IPAddress ip)
    {
        var info = GeoInfo.Unknown;
        foreach (var r in _cities)
        {
            if (r.TryCity(ip, out var c) && c is not null)
            {
                info = info with
                {
                    CountryCode = c.Country.IsoCode, Country = c.Country.Name, City = c.City.Name,
                    Latitude = c.Location.Latitude, Longitude = c.Location.Longitude, AccuracyRadiusKm = c.Location.AccuracyRadius,
                };
                break;
            }
        }
        if (info.CountryCode is null)
        {
            foreach (var r in _countries)
            {
                if (r.TryCountry(ip, out var c) && c?.Country.IsoCode is not null)
                {
                    info = info with { CountryCode = c.Country.IsoCode, Country = c.Country.Name };
                    break;
                }
            }
        }
        if (info.CountryCode is null)
            info = LocateDbIp(ip, info);
        foreach (var r in _asns)
        {
            if (r.TryAsn(ip, out var a) && a is not null)
                return info with { Asn = a.AutonomousSystemNumber, AsOrganization = a.AutonomousSystemOrganization };
        }
        return _ranges.Find(ip) is { } range ? info with { Asn = range.Asn, AsOrganization = range.Organization } : info;
    }

    private GeoInfo LocateDbIp(IPAddress ip, GeoInfo info)
    {
        foreach (var r in _dbip)
        {
            try
            {
                if (r.Find<Dictionary<string, object>>(ip) is { } record)
                    return DbIpRecord.Apply(record, info);
            }
            catch (Exception e) when (e is InvalidDatabaseException or ArgumentException or AddressNotFoundException)
            {
                // An IPv6 address asked of the IPv4-only file, or a damaged record: try the next file.
            }
        }
        return info;
    }

    public void Dispose()
    {
        foreach (var r in _cities.Concat(_countries).Concat(_asns))
            r.Dispose();
        foreach (var r in _dbip)
            r.Dispose();
    }
}
