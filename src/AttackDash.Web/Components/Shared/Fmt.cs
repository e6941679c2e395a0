using System.Globalization;
using AttackDash.Core.Events;

namespace AttackDash.Web.Components.Shared;

/// <summary>Number and label formatting shared by the pages: one look for every table.</summary>
public static class Fmt
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    public static string Kind(short kind) => ((EventKind)kind).Name();

    public static string Network(long? asn, string? organisation) => asn is { } a ? $"AS{a} {organisation}" : "unknown";

    public static string Country(string? code) => code ?? "?";

    /// <summary>A link target for the IP detail page.</summary>
    public static string IpHref(object ip) => $"ip/{Uri.EscapeDataString(ip.ToString()!)}";

    public static IReadOnlyList<EventKind> AttackKinds { get; } = [.. EventKinds.All.Where(k => k.IsAttack())];
}
