namespace AttackDash.Core.Sendmail;

internal static class FieldText
{
    /// <summary>Text after <paramref name="name"/> up to <paramref name="end"/> (exclusive), or empty when absent.</summary>
    public static ReadOnlySpan<byte> Between(ReadOnlySpan<byte> s, ReadOnlySpan<byte> name, int end)
    {
        var start = s[..end].IndexOf(name);
        return start < 0 ? default : s[(start + name.Length)..end];
    }

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
