using System.ComponentModel.DataAnnotations;
using AttackDash.Storage.Alerts;

namespace AttackDash.Operations.Alerts;

/// <summary>Section "Alerts": live alerts from the newest log lines, to the dashboard and a webhook.</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Which kinds are raised: <c>possible_compromise</c>, <c>injection</c>, <c>campaign</c>, <c>heavy_hitter</c>;
    /// none listed: all. (Empty by default because configuration adds listed items to a default list.)
    /// </summary>
    public List<string> Kinds { get; set; } = [];

    public IReadOnlyList<string> RaisedKinds => Kinds.Count == 0 ? AlertKinds.All : Kinds;

    /// <summary>How often the newest lines are looked at.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far back a line may be to raise an alert. Older lines (an import of last year's logs) never
    /// alert: they are history, not news.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A login or accepted message is a possible compromise when its client attacked within this time.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(30);

    /// <summary>After an alert, the same kind from the same client stays quiet this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Quiet { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A campaign: one username from this many clients within ten minutes.</summary>
    [Range(2, 10_000)]
    public int CampaignIps { get; set; } = 5;

    /// <summary>A heavy hitter: this many attack events from one client within 24 hours (alerted once per client).</summary>
    [Range(10, 100_000_000)]
    public long HeavyHitterEvents { get; set; } = 1000;

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Recipients of a mail per alert, through the digest's transport and sender (section "Digest"). None: no mail.</summary>
    public List<string> MailTo { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var kind in Kinds.Where(k => !AlertKinds.All.Contains(k)))
            yield return new ValidationResult($"Alerts:Kinds: '{kind}' is not one of {string.Join(", ", AlertKinds.All)}");
        if (Webhook.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult($"Alerts:Webhook:Url: '{url}' is not an http or https address");
        // DataAnnotations do not reach into Webhook: its rules are checked here.
        if (Webhook.Format is not ("json" or "slack"))
            yield return new ValidationResult($"Alerts:Webhook:Format: '{Webhook.Format}' is not json or slack");
        if (Webhook.MaxAttempts is < 1 or > 100)
            yield return new ValidationResult("Alerts:Webhook:MaxAttempts must be 1 to 100");
    }
}

/// <summary>Section "Alerts:Webhook": a JSON POST per alert; none without <see cref="Url"/>.</summary>
public sealed class WebhookOptions
{
    public string? Url { get; set; }

    /// <summary>"json" (the documented schema, with a <c>text</c> line) or "slack" (only <c>text</c>, for Slack and Mattermost).</summary>
    public string Format { get; set; } = "json";

    public int MaxAttempts { get; set; } = 5;
}
