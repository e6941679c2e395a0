using System.Globalization;
using System.Text.Json;
using AttackDash.Storage.Alerts;

namespace AttackDash.Operations.Alerts;

/// <summary>The webhook's body for one alert: the documented JSON schema (README, "Alerts"), or Slack's <c>{"text": ...}</c>.</summary>
public static class AlertPayload
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Of(AlertView a, string format, TimeSpan lookBack) => format == "slack"
        ? JsonSerializer.Serialize(new { text = Text(a, lookBack) }, Json)
        : JsonSerializer.Serialize(new
        {
            id = a.Id, kind = a.Kind, ip = a.Ip, time = a.Time, username = a.Username, attacks = a.Attacks,
            lookBackDays = (int)lookBack.TotalDays, line = a.Line, raisedAt = a.RaisedAt, text = Text(a, lookBack),
        }, Json);

    /// <summary>
    /// One line for people. The username is attacker-written: Slack and Mattermost would read &lt;!channel&gt;
    /// or a link in it, so &amp;, &lt; and &gt; are escaped as Slack asks; the raw line stays in the JSON only.
    /// </summary>
    public static string Text(AlertView a, TimeSpan lookBack)
    {
        var who = a.Username is { } u ? $" as '{Escape(u)}'" : "";
        var when = a.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        return a.Kind switch
        {
            AlertKinds.PossibleCompromise when a.Attacks == 0 => $"AttackDash: possible compromise: {a.Ip} succeeded{who} at {when}, a username a campaign tried",
            AlertKinds.PossibleCompromise => string.Create(CultureInfo.InvariantCulture,
                $"AttackDash: possible compromise: {a.Ip} succeeded{who} at {when}, after {a.Attacks:N0} attack events in {lookBack.TotalDays:0} days"),
            AlertKinds.Campaign => $"AttackDash: campaign against username '{Escape(a.Username ?? "")}', newest client {a.Ip}, at {when}: {a.Line}",
            AlertKinds.HeavyHitter => $"AttackDash: new heavy hitter {a.Ip} at {when}: {a.Line}",
            _ => $"AttackDash: injection payload from {a.Ip} at {when}",
        };
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
