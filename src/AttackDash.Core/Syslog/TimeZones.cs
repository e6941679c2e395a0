using System.Globalization;

namespace AttackDash.Core.Syslog;

public static class TimeZones
{
    /// <summary>Reads an IANA zone name ("Europe/Berlin"), "UTC", or a fixed offset ("+09:00", "-0500").</summary>
    public static bool TryParse(string text, out TimeZoneInfo zone, out string error)
    {
        error = "";
        zone = TimeZoneInfo.Utc;
        text = text.Trim();
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length is 2 or 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                var hours = digits.Length == 2 ? n : n / 100;
                var minutes = digits.Length == 2 ? 0 : n % 100;
                if (hours <= 14 && minutes < 60)
                {
                    var offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
                    zone = TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
                    return true;
                }
            }
            error = $"'{text}' is not a UTC offset such as +09:00";
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(text);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"unknown time zone '{text}': give an IANA name such as Europe/Berlin or an offset such as +09:00";
            return false;
        }
    }
}
