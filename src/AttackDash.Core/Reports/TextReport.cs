using System.Globalization;
using AttackDash.Core.Analysis;

namespace AttackDash.Core.Reports;

/// <summary>The human report: reads like a security report, top to bottom.</summary>
public static class TextReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(TextWriter w, AnalysisReport r, AnalysisOptions o, int sampleRows = 20)
    {
        w.WriteLine("AttackDash report");
        w.WriteLine("=================");
        w.WriteLine($"Period:   {Time(r.Period.First)} .. {Time(r.Period.Last)}");
        w.WriteLine($"Input:    {N(r.Input.Lines)} lines in {r.Input.Files.Count} file(s): {N(r.Input.SendmailLines)} sendmail, {N(r.Input.OtherLines)} other, {N(r.Input.MalformedLines)} malformed");
        w.WriteLine();
        w.WriteLine($"Attack events: {N(r.AttackEvents)} from {N(r.UniqueAttackerIps)} unique IPs");
        foreach (var (kind, count) in r.Totals.Where(t => t.Value > 0).OrderByDescending(t => t.Value))
            w.WriteLine($"  {kind,-18} {N(count),12}");
        Section(w, "IPs by number of attack events");
        foreach (var b in r.Distribution)
            w.WriteLine($"  {Range(b),-12} {N(b.Ips),10} IPs");
        var h = r.HeavyHitters;
        Section(w, $"Heavy hitters (>= {N(h.MinEvents)} events) and the /{o.Prefix} (IPv6 /{o.Prefix6}) subnets that cover them");
        var share = r.AttackEvents == 0 ? 0 : 100.0 * h.Events / r.AttackEvents;
        w.WriteLine($"  {N(h.Ips)} IPs sent {N(h.Events)} events, {share.ToString("0.0", C)}% of all attack events");
        foreach (var s in r.Subnets.Take(sampleRows))
            w.WriteLine($"  {s.Cidr,-22} {N(s.Ips),6} IPs {N(s.Events),12} events");
        More(w, r.Subnets.Count, sampleRows);
        Section(w, $"Top offenders");
        w.WriteLine($"  {"IP",-40} {"events",10}  {"first seen",-25} {"last seen",-25} kinds");
        foreach (var x in r.Offenders)
            w.WriteLine($"  {x.Ip,-40} {N(x.Events),10}  {Time(x.First),-25} {Time(x.Last),-25} {Kinds(x.ByKind)}");
        Section(w, $"Injection attempts: {N(r.Totals.GetValueOrDefault("injection"))}");
        foreach (var i in r.Injections.Take(sampleRows))
            w.WriteLine($"  {Time(i.Time)}  {i.Ip,-16} {i.Payload}");
        More(w, r.Injections.Count, sampleRows);
        Section(w, $"Possible compromises: {N(r.PossibleCompromises.Count)}");
        if (r.PossibleCompromises.Count == 0)
            w.WriteLine("  none: no successful AUTH and no accepted message from an IP that attacked");
        foreach (var c in r.PossibleCompromises.Take(sampleRows * 5))
            w.WriteLine($"  {Time(c.Time)}  {c.Ip,-16} {c.Kind,-17} {c.User}");
        More(w, r.PossibleCompromises.Count, sampleRows * 5);
        Section(w, $"Campaigns (one username from >= {o.CampaignMinIps} IPs within {o.CampaignWindow.TotalMinutes.ToString(C)} min): {N(r.Campaigns.Count)}");
        foreach (var c in r.Campaigns.Take(sampleRows * 5))
            w.WriteLine($"  {c.Username,-24} {Time(c.First)} .. {Time(c.Last)}  {N(c.Ips),5} IPs {N(c.Attempts),7} attempts");
        More(w, r.Campaigns.Count, sampleRows * 5);
        if (r.Local.Count == 0)
            return;
        Section(w, $"Local clients (loopback and --local; not offenders): {N(r.Local.Count)}");
        foreach (var x in r.Local.Take(sampleRows))
            w.WriteLine($"  {x.Ip,-40} {N(x.Events),10}  {Kinds(x.ByKind)}");
        More(w, r.Local.Count, sampleRows);
    }

    private static void Section(TextWriter w, string title)
    {
        w.WriteLine();
        w.WriteLine(title);
        w.WriteLine(new string('-', Math.Min(title.Length, 78)));
    }

    private static void More(TextWriter w, int count, int shown)
    {
        if (count > shown)
            w.WriteLine($"  ... and {N(count - shown)} more (--json has them all)");
    }

    private static string Range(DistributionBucket b) =>
        b.MaxEvents is not { } max ? $"{N(b.MinEvents)}+" : max == b.MinEvents ? N(max) : $"{N(b.MinEvents)}-{N(max)}";

    private static string Kinds(IReadOnlyDictionary<string, long> byKind) =>
        string.Join(' ', byKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key}={N(k.Value)}"));

    private static string N(long n) => n.ToString("#,0", C);

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm:sszzz", C) ?? "-";
}
