using System.Security.Cryptography;
using AttackDash.Core.Input;

namespace AttackDash.Ingestion;

/// <summary>
/// Names a log by its content, as fail2ban does: a hash of its first line. maillog, the maillog.1 it
/// is rotated to and a gzipped copy share it, so a file already read is recognised under any name.
/// </summary>
public static class Fingerprint
{
    /// <returns>Null for an empty input.</returns>
    public static string? Of(LogInput input, int maxLineLength = 64 * 1024)
    {
        using var reader = new LineReader(input.Open(), maxLineLength, 128 * 1024);
        return reader.TryReadLine(out var first, out _) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(first)) : null;
    }
}
