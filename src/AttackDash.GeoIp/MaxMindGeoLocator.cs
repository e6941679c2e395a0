using System.Net;

namespace AttackDash.GeoIp;

/// <summary>
/// <see cref="IGeoLocator"/> over the .mmdb files in the configured folders, and the free ASN ranges
/// (asn-ipv4-num.csv, asn-ipv6-num.csv) where no MaxMind ASN database answers. Files replaced on disk
/// (geoipupdate) are picked up without a restart: their modification times are checked every
/// <see cref="GeoIpOptions.ReloadCheckInterval"/>, and a changed set is reopened and swapped in.
/// </summary>
public sealed class MaxMindGeoLocator : IGeoLocator, IDisposable
{
    private readonly GeoIpOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _reloadLock = new();
    private MmdbSet _set;
    private string _signature;
    private DateTimeOffset _nextCheck;

    public MaxMindGeoLocator(GeoIpOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _signature = Signature(out var files);
        _set = new MmdbSet(files);
        _nextCheck = _clock.GetUtcNow() + options.ReloadCheckInterval;
    }

    public IReadOnlyList<string> Files => _set.Files;

    public DateTimeOffset DataVersion => _set.Version;

    public IReadOnlyList<GeoCredit> Credits => _set.Credits;

    public IReadOnlyList<(IPAddress First, IPAddress Last)> RangesOf(long asn) => _set.RangesOf(asn);

    public GeoInfo Locate(IPAddress ip)
    {
        ReloadIfChanged();
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        return _set.Locate(ip);
    }

    private void ReloadIfChanged()
    {
        if (_clock.GetUtcNow() < _nextCheck)
            return;
        lock (_reloadLock)
        {
            if (_clock.GetUtcNow() < _nextCheck)
                return;
            _nextCheck = _clock.GetUtcNow() + _options.ReloadCheckInterval;
            var signature = Signature(out var files);
            if (signature == _signature)
                return;
            // Lookups in flight keep using the old set for a moment: it is closed a minute later.
            // geoipupdate replaces files by rename, so the old mappings stay valid until then.
            var old = _set;
            _set = new MmdbSet(files);
            _signature = signature;
            _ = Task.Delay(TimeSpan.FromMinutes(1)).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
        }
    }

    private string Signature(out List<string> files)
    {
        files = _options.Directories.Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.mmdb").Concat(Directory.GetFiles(d, "asn-ipv*-num.csv"))).Order(StringComparer.Ordinal).ToList();
        return string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"));
    }

    public void Dispose() => _set.Dispose();
}
