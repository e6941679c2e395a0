namespace AttackDash.Core.Input;

/// <summary>Files others must not read (passwords, a copy of a mail log): mode 0600 from their creation, whatever the umask.</summary>
public static class PrivateFile
{
    /// <summary>A new file for writing; one already at <paramref name="path"/> is replaced, not reused with its old mode.</summary>
    public static FileStream Create(string path)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
