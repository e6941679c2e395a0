namespace AttackDash.Core.Input;

/// <summary>One input: a plain file, a gzip file (recognised by its magic bytes, whatever its name) or stdin ("-").</summary>
public sealed record LogInput(string Path)
{
    public bool IsStdin => Path == "-";

    public string DisplayName => IsStdin ? "stdin" : Path;

    public DateTimeOffset? ModificationTime => IsStdin ? null : File.GetLastWriteTimeUtc(Path);

    public Stream Open()
    {
        if (IsStdin)
            return Console.OpenStandardInput();
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b && file.Length >= 18 ? new CheckedGZipStream(file) : file;
    }

    /// <summary>A one-line reason why this input cannot be read, or null.</summary>
    public string? Problem()
    {
        if (IsStdin)
            return null;
        if (Directory.Exists(Path))
            return $"'{Path}' is a directory, not a log file";
        if (!File.Exists(Path))
            return $"cannot read '{Path}': no such file";
        try
        {
            using var s = File.OpenRead(Path);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot read '{Path}': {e.Message}";
        }
    }
}
