using System.Globalization;

namespace AttackDash.Tests.Shared;

/// <summary>The log the web and store tests write most: sendmail's "possible SMTP attack" for AUTH, ISO-stamped in UTC.</summary>
internal static class AttackLines
{
    /// <summary><paramref name="count"/> lines, <paramref name="step"/> apart from <paramref name="from"/>; line i has pid firstPid + i and client <paramref name="ip"/>(i).</summary>
    public static IEnumerable<string> SmtpAttacks(DateTimeOffset from, TimeSpan step, int count, int firstPid, Func<int, string> ip) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{(from + step * i).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}Z mx sm-mta[{firstPid + i}]: [{ip(i)}]: possible SMTP attack: command=AUTH, count=5"));

    /// <summary>One line at <paramref name="t"/>, ISO-stamped with its offset.</summary>
    public static string Line(DateTimeOffset t, string message) =>
        $"{t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)} mx sm-mta[{t.Second + 100}]: {message}";

    public static string AuthFailure(DateTimeOffset t, string ip, string user) =>
        Line(t, $"551A00aa001201: AUTH failure (PLAIN): authentication failure (-13) SASL(-13): authentication failure: Password verification failed, user={user}, relay=[{ip}]");

    public static string AuthSuccess(DateTimeOffset t, string ip, string user) =>
        Line(t, $"551A05aa001300: AUTH=server, relay=[{ip}], authid={user}, mech=PLAIN, bits=0");
}
