using AttackDash.Core.Events;
using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>Binary COPY of events into one table (a month's partition, or the merge's temporary table).</summary>
internal static class EventCopy
{
    public static async Task CopyAsync(NpgsqlConnection conn, string table, int sourceId, IReadOnlyList<MailEvent> events, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            $"COPY {table} (time, source_id, line_number, kind, mta_host, pid, queue_id, client_ip, client_host, may_be_forged, username, argument, detail) FROM STDIN (FORMAT BINARY)", ct);
        // The synchronous writes of the importer only fill its buffer; it flushes to the server as it fills.
        foreach (var e in events)
        {
            copy.StartRow();
            copy.Write(e.Time.UtcDateTime);
            copy.Write(sourceId);
            copy.Write(e.LineNumber);
            copy.Write((short)e.Kind);
            copy.Write(e.MtaHost);
            copy.Write(e.Pid);
            WriteNullable(copy, e.QueueId);
            if (e.ClientIp is { } ip)
                copy.Write(ip.ToIPAddress());
            else
                copy.WriteNull();
            WriteNullable(copy, e.ClientHost);
            copy.Write(e.MayBeForged);
            WriteNullable(copy, e.User);
            WriteNullable(copy, e.Argument);
            copy.Write(e.Detail.Replace('\0', '\uFFFD'));
        }
        await copy.CompleteAsync(ct);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? text)
    {
        // PostgreSQL text cannot hold NUL: a log line that has one keeps it as U+FFFD.
        if (text is null)
            copy.WriteNull();
        else
            copy.Write(text.Replace('\0', '\uFFFD'));
    }
}
