namespace AttackDash.Core.Sendmail;

internal static class FieldText
{
    /// <summary>
    /// The text after a field name found at <paramref name="at"/> (-1 when absent) up to
    /// <paramref name="end"/> (exclusive), or empty when the name does not end before it. The caller
    /// finds the name once and cuts it to several ends.
    /// </summary>
    public static ReadOnlySpan<byte> After(ReadOnlySpan<byte> s, int at, int nameLength, int end) =>
        at < 0 || at + nameLength > end ? default : s[(at + nameLength)..end];

    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> lowerNeedle)
    {
        var first = lowerNeedle[0];
        var upperFirst = (byte)char.ToUpperInvariant((char)first);
        for (var i = s.IndexOfAny(first, upperFirst); i >= 0; )
        {
            if (s.Length - i >= lowerNeedle.Length && EqualsIgnoreCase(s.Slice(i, lowerNeedle.Length), lowerNeedle))
                return true;
            var next = s[(i + 1)..].IndexOfAny(first, upperFirst);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> lower)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= (byte)'A' and <= (byte)'Z')
                c |= 0x20;
            if (c != lower[i])
                return false;
        }
        return true;
    }
}
