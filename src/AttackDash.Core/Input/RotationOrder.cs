using System.Globalization;
using System.Text.RegularExpressions;

namespace AttackDash.Core.Input;

/// <summary>
/// Orders a rotated set oldest first, whatever order it was given in: maillog.3.gz, maillog.2.gz,
/// maillog.1, maillog. Date-suffixed rotations (maillog-20240107.gz) sort by date before the live file.
/// Different base names keep the order of their first mention.
/// </summary>
public static partial class RotationOrder
{
    [GeneratedRegex(@"^(?<base>.+?)(?:\.(?<n>\d{1,4})|-(?<date>\d{8,10}))?(?:\.gz)?$")]
    private static partial Regex RotatedName();

    public static IReadOnlyList<string> Sort(IEnumerable<string> paths)
    {
        var parsed = paths.Select((p, i) => (Path: p, Index: i, Key: KeyOf(p))).ToList();
        var firstMention = new Dictionary<string, int>();
        foreach (var p in parsed)
            firstMention.TryAdd(p.Key.Base, p.Index);
        return parsed
            .OrderBy(p => firstMention[p.Key.Base])
            .ThenBy(p => p.Key.Age)
            .ThenBy(p => p.Index)
            .Select(p => p.Path)
            .ToList();
    }

    /// <summary>The name a rotated set shares: <c>maillog</c> for maillog.2.gz, maillog-20240107 and maillog.</summary>
    public static string BaseName(string path) => KeyOf(path).Base;

    /// <summary>Age sorts ascending: dated rotations by date, then numbered ones from the highest number down, then the live file.</summary>
    private static (string Base, decimal Age) KeyOf(string path)
    {
        if (path == "-")
            return ("-", decimal.MaxValue);
        var m = RotatedName().Match(path);
        if (!m.Success)
            return (path, decimal.MaxValue);
        if (m.Groups["n"].Success)
            return (m.Groups["base"].Value, 1_000_000_000_000m - int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        if (m.Groups["date"].Success)
            return (m.Groups["base"].Value, decimal.Parse(m.Groups["date"].Value, CultureInfo.InvariantCulture) / 1_000_000_000_000m);
        return (m.Groups["base"].Value, decimal.MaxValue);
    }
}
