using System.Globalization;

namespace AttackDash.Tests.Shared;

/// <summary>The log the web and store tests write most: sendmail's "possible SMTP attack" for AUTH, ISO-stamped in UTC.</summary>
internal static class AttackLines
{
    /// <summary><paramref name="count"/> lines, <paramref name="step"/> apart from <paramref name="from"/>; line i has pid firstPid + i and client <paramref name="ip"/>(i).</summary>
    public static IEnumerable<string> SmtpAttacks(DateTimeOffset from, TimeSpan step, int count, int firstPid, Func<int, string> ip) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{(from + step * i).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}Z mx sm-mta[{firstPid + i}]: [{ip(i)}]: possible SMTP attack: command=AUTH, count=5"));
}
