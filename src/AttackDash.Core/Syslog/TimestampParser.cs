using System.Runtime.CompilerServices;
namespace AttackDash.Core.Syslog;

internal static class TimestampParser
{
    /// <summary>"Feb 16 23:33:20" or "Nov  3 11:35:30": exactly 15 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBsd(ReadOnlySpan<byte> s, out LogTimestamp stamp)
    {
        stamp = default;
        if (s.Length < 15 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':')
            return false;
        var month = Month(s[0], s[1], s[2]);
        var day = s[4] == ' ' ? Digit(s[5]) : Two(s[4], s[5]);
        var hh = Two(s[7], s[8]);
        var mm = Two(s[10], s[11]);
        var ss = Two(s[13], s[14]);
        if (month == 0 || day is < 1 or > 31 || hh is < 0 or > 23 || mm is < 0 or > 59 || ss is < 0 or > 60)
            return false;
        if (day > DaysInLeapMonth(month))
            return false;
        stamp = LogTimestamp.WithoutYear(month, day, (hh * 3600) + (mm * 60) + Math.Min(ss, 59));
        return true;
    }

    /// <summary>
    /// "2024-01-15T10:00:00Z", "2024-01-15T10:00:00.123456+01:00" (rsyslog) or
    /// "2024-01-15T10:00:00+0100" (journalctl -o short-iso), or "2024-01-15 10:00:00" (local time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseIso(ReadOnlySpan<byte> s, out LogTimestamp stamp, out int length)
    {
        stamp = default;
        length = 0;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
            return false;
        var year = (Two(s[0], s[1]) * 100) + Two(s[2], s[3]);
        int month = Two(s[5], s[6]), day = Two(s[8], s[9]);
        int hh = Two(s[11], s[12]), mm = Two(s[14], s[15]), ss = Two(s[17], s[18]);
        // Years outside 1970-2999 are absurd (and 9999 with an offset would not fit a DateTimeOffset).
        if (year is < 1970 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hh is < 0 or > 23 || mm is < 0 or > 59 || ss is < 0 or > 60)
            return false;
        var i = 19;
        long ticks = 0;
        if (s[i] == '.' || s[i] == ',')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
                i++;
            }
        }
        var local = new DateTime(year, month, day, hh, mm, Math.Min(ss, 59), DateTimeKind.Unspecified).AddTicks(ticks);
        if (i < s.Length && s[i] == ' ')
        {
            // "2025-06-01 10:00:00 host prog[pid]:" (a common rsyslog template): local time, no offset.
            length = i;
            stamp = LogTimestamp.Local(local);
            return true;
        }
        if (!TryParseOffset(s[i..], out var offset, out var offsetLength))
            return false;
        length = i + offsetLength;
        stamp = LogTimestamp.Complete(new DateTimeOffset(local, offset));
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> s, out TimeSpan offset, out int length)
    {
        offset = TimeSpan.Zero;
        length = 0;
        if (s.Length >= 1 && s[0] == 'Z')
        {
            length = 1;
            return true;
        }
        if (s.Length < 5 || (s[0] != '+' && s[0] != '-'))
            return false;
        var hh = Two(s[1], s[2]);
        int mm;
        if (s[3] == ':' && s.Length >= 6)
        {
            mm = Two(s[4], s[5]);
            length = 6;
        }
        else
        {
            mm = Two(s[3], s[4]);
            length = 5;
        }
        if (hh is < 0 or > 14 || mm is < 0 or > 59)
            return false;
        offset = new TimeSpan(hh, mm, 0);
        if (s[0] == '-')
            offset = -offset;
        return true;
    }

    /// <summary>True when the line starts with the three-letter name of <paramref name="month"/>.</summary>
    public static bool SameMonthName(ReadOnlySpan<byte> s, int month) => Month(s[0], s[1], s[2]) == month;

    private static int Month(byte a, byte b, byte c)
    {
        // Case-folded three-letter key; month names are ASCII.
        var key = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    private static int DaysInLeapMonth(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2001, month);

    private static int Digit(byte c) => (uint)(c - '0') <= 9 ? c - '0' : -100;

    private static int Two(byte a, byte b) => (Digit(a) * 10) + Digit(b);
}
