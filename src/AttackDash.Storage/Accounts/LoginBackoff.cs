using System.Globalization;

namespace AttackDash.Storage.Accounts;

/// <summary>
/// How long one client waits before its next try at one account: the first <see cref="FreeTries"/>
/// failures cost nothing, then each doubles the wait, up to <see cref="Longest"/>. Nothing locks an
/// account: a client that has not failed is never slowed by another's guesses.
/// </summary>
public static class LoginBackoff
{
    public const int FreeTries = 3;
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The rule in SQL (where the count is claimed), for the failure count expression <paramref name="failures"/>, as an interval.</summary>
    internal static string Sql(string failures) => string.Create(CultureInfo.InvariantCulture,
        $"make_interval(secs => CASE WHEN {failures} <= {FreeTries} THEN 0 ELSE least({Longest.TotalSeconds}, power(2, least({failures} - {FreeTries} - 1, 20))) END)");
}
