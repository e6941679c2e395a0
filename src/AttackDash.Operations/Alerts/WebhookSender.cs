using System.Text;
using AttackDash.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Alerts;

/// <summary>POSTs alerts to the configured webhook. Never throws for a failed delivery: it returns false, and the alert is tried again.</summary>
public sealed class WebhookSender(HttpClient http, IOptions<AlertOptions> options)
{
    public bool Configured => options.Value.Webhook.Url is { Length: > 0 };

    public async Task<(bool Sent, string? Problem)> SendAsync(AlertView alert, CancellationToken ct)
    {
        var o = options.Value;
        using var body = new StringContent(AlertPayload.Of(alert, o.Webhook.Format, o.LookBack), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(new Uri(o.Webhook.Url!), body, ct);
            return response.IsSuccessStatusCode ? (true, null) : (false, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (false, e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, "timed out");
        }
    }
}
