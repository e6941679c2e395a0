namespace AttackDash.Ingestion.Journal;

/// <summary>
/// An <c>Ingest:Paths</c> entry that names the journal: "journal:", then optionally a journal directory
/// (a word starting with '/', journalctl --directory) and journalctl matches, separated by spaces.
/// </summary>
public static class JournalPath
{
    public const string Prefix = "journal:";

    /// <returns>The journal to follow, or null when <paramref name="path"/> is a file.</returns>
    /// <exception cref="ArgumentException">A match that is not FIELD=VALUE or "+", or a "+" at either end.</exception>
    public static JournalOptions? TryParse(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var words = path[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var directory = words.FirstOrDefault(w => w.StartsWith('/'));
        var matches = words.Where(w => !w.StartsWith('/')).ToArray();
        if (JournalOptions.Problem(matches) is { } invalid)
            throw new ArgumentException($"Ingest:Paths '{path}': {invalid}", nameof(path));
        return new JournalOptions { Directory = directory, Matches = matches.Length == 0 ? JournalOptions.DefaultMatches : matches };
    }

    /// <summary>A file path, or a journal entry whose matches parse.</summary>
    public static bool IsValid(string path)
    {
        try
        {
            TryParse(path);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
