using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>
/// Counts the New Years a file crosses before it is read, so that its first year-less line gets the
/// right year even when the file spans more than a year. ISO-stamped files need no scan.
/// </summary>
public static class RolloverScan
{
    public static int Count(LogInput input, int maxLineLength)
    {
        var counter = new RolloverCounter();
        using var reader = new LineReader(input.Open(), maxLineLength);
        var first = true;
        Span<byte> month = stackalloc byte[3];
        while (reader.TryReadLine(out var line, out _))
        {
            // Only a change of month can be a New Year: skip the parse while the month name repeats.
            if (line.Length >= 15 && line[..3].SequenceEqual(month))
                continue;
            if (TimestampParser.TryParseBsd(line, out var stamp))
            {
                counter.Add(stamp);
                line[..3].CopyTo(month);
            }
            else if (first && TimestampParser.TryParseIso(line, out _, out _))
            {
                return 0;
            }
            first = false;
        }
        return counter.Rollovers;
    }
}
