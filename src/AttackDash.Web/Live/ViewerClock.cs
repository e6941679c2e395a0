using System.Globalization;
using Microsoft.JSInterop;

namespace AttackDash.Web.Live;

/// <summary>
/// The viewer's time zone, asked once per circuit from the browser. Until it is known (prerendering),
/// times show in UTC and say so.
/// </summary>
public sealed class ViewerClock(IJSRuntime js)
{
    private Task<bool>? _resolving;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string ZoneName => Zone.Id;

    /// <summary>Asks the browser; true when the zone changed and the caller should render again.</summary>
    public Task<bool> ResolveAsync() => _resolving ??= AskAsync();

    public string Format(DateTimeOffset time, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(time, Zone).ToString(format, CultureInfo.InvariantCulture);

    public void Use(TimeZoneInfo zone) => Zone = zone;

    private async Task<bool> AskAsync()
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/viewer.js");
        var id = await module.InvokeAsync<string?>("timeZone");
        // A browser that names no zone (or one this machine lacks) keeps UTC.
        if (string.IsNullOrEmpty(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || zone.Id == Zone.Id)
            return false;
        Zone = zone;
        return true;
    }
}
