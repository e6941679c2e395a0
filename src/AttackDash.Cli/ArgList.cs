using System.Globalization;
using AttackDash.Core.Reports;

namespace AttackDash.Cli;

/// <summary>A wrong option or value: the command stops with this one-line reason and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Options of one command: <c>--name value</c>, <c>--name=value</c>, flags, and positional arguments
/// ("-" is stdin). Unknown options are refused with the list of known ones.
/// </summary>
internal sealed class ArgList
{
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];

    public List<string> Positionals { get; } = [];

    public ArgList(IEnumerable<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        using var e = args.GetEnumerator();
        var onlyPositionals = false;
        while (e.MoveNext())
        {
            var a = e.Current;
            if (onlyPositionals || a == "-" || !a.StartsWith("--", StringComparison.Ordinal))
            {
                Positionals.Add(a);
                continue;
            }
            if (a == "--")
            {
                onlyPositionals = true;
                continue;
            }
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            if (flags.Contains(name) && eq < 0)
                _flags.Add(name);
            else if (valued.Contains(name))
                _values[name] = eq > 0 ? a[(eq + 1)..] : e.MoveNext() ? e.Current : throw new UsageException($"{name} needs a value");
            else
                throw new UsageException($"unknown option {name} (known: {string.Join(' ', valued.Concat(flags).Order(StringComparer.Ordinal))})");
        }
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min, int max)
    {
        if (Value(name) is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"{name} takes a whole number from {min} to {max}, not '{text}'");
        return n;
    }

    public int? OptionalInt(string name, int min, int max) => Value(name) is null ? null : Int(name, 0, min, max);

    /// <summary>"90s", "10m", "2h", "30d", "1w".</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        if (Value(name) is not { } text)
            return fallback;
        return Durations.TryParse(text, out var d) && d > TimeSpan.Zero
            ? d
            : throw new UsageException($"{name} takes a duration such as 90s, 10m, 2h or 30d, not '{text}'");
    }

    /// <summary>An ISO date or date-time; without an offset it is read in <paramref name="zone"/>.</summary>
    public DateTimeOffset? Time(string name, TimeZoneInfo zone)
    {
        if (Value(name) is not { } text)
            return null;
        var hasOffset = text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset;
        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        throw new UsageException($"{name} takes a date such as 2025-01-31 or 2025-01-31T08:00:00+01:00, not '{text}'");
    }
}
