using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>An entry of a journal source: its number in the source's line count, and its journal cursor.</summary>
public sealed record JournalPosition(long Line, string Cursor);

public sealed partial class EventStore
{
    /// <summary>
    /// A journal source (see <see cref="OpenSourceAsync"/>), with where to start reading again: after
    /// <c>Resume</c>'s cursor, numbering from its line on; from the journal's start when null.
    /// </summary>
    public async Task<(int Id, long LinesDone, JournalPosition? Resume)> OpenJournalAsync(string fingerprint, string name, CancellationToken ct = default)
    {
        var (id, linesDone, _) = await OpenSourceAsync(fingerprint, name, ct);
        var conn = await ConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT resume_line, resume_cursor FROM ingest_sources WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (id, linesDone, reader.IsDBNull(1) ? null : new JournalPosition(reader.GetInt64(0), reader.GetString(1)));
    }
}
