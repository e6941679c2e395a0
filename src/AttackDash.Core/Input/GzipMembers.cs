using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace AttackDash.Core.Input;

/// <summary>
/// Tells a whole multi-member gzip file (members concatenated, as some rotators write and
/// <c>gzip -t</c> accepts) from a cut one. GZipStream reads every member but hides their boundaries and
/// ends silently at a cut, so the sizes in the members' trailers are checked instead: every member
/// starts right after the previous one's 8-byte trailer, and the trailers' sizes (ISIZE, modulo 2^32)
/// must add up to what was decompressed.
/// </summary>
internal static class GzipMembers
{
    /// <summary>True when the member trailers found in the file account for exactly <paramref name="decompressed"/> bytes.</summary>
    public static bool SizesAgree(SafeFileHandle file, long length, long decompressed)
    {
        if (length < 18)
            return false;
        var sum = ReadSize(file, length - 4);
        var buffer = new byte[1 << 20];
        // A member header is 1f 8b 08, flags with the reserved bits clear, MTIME, XFL 0/2/4, an OS byte.
        for (long pos = 18; pos < length - 18; pos += buffer.Length - 10)
        {
            var n = RandomAccess.Read(file, buffer, pos);
            if (n < 10)
                break;
            var chunk = buffer.AsSpan(0, n);
            for (var i = chunk.IndexOf((byte)0x1f); i >= 0 && i + 10 <= n; i = Next(chunk, i))
            {
                if (chunk[i + 1] == 0x8b && chunk[i + 2] == 8 && (chunk[i + 3] & 0xe0) == 0
                    && chunk[i + 8] is 0 or 2 or 4 && (chunk[i + 9] <= 13 || chunk[i + 9] == 255))
                    sum += ReadSize(file, pos + i - 4);
            }
            if (n < buffer.Length)
                break;
        }
        return sum == (uint)decompressed;
    }

    private static int Next(ReadOnlySpan<byte> chunk, int i)
    {
        var next = chunk[(i + 1)..].IndexOf((byte)0x1f);
        return next < 0 ? -1 : i + 1 + next;
    }

    private static uint ReadSize(SafeFileHandle file, long at)
    {
        Span<byte> size = stackalloc byte[4];
        RandomAccess.Read(file, size, at);
        return BinaryPrimitives.ReadUInt32LittleEndian(size);
    }
}
