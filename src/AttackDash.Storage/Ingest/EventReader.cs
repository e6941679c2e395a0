using System.Net;
using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Core.Net;
using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>Streams stored events back, oldest first, for reports that reuse the engine's analysis.</summary>
public sealed class EventReader(NpgsqlDataSource dataSource)
{
    public async Task ReadAsync(IEventSink sink, DateTimeOffset? since, DateTimeOffset? until, string? mtaHost, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT time, kind, mta_host, pid, queue_id, client_ip, client_host, may_be_forged, username, argument, detail, line_number
            FROM events
            WHERE (@since::timestamptz IS NULL OR time >= @since) AND (@until::timestamptz IS NULL OR time < @until)
              AND (@host::text IS NULL OR mta_host = @host)
            ORDER BY time, source_id, line_number
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)since?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("until", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)until?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("host", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)mtaHost ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sink.Add(new MailEvent(
                new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), (EventKind)reader.GetInt16(1), reader.GetString(2), reader.GetInt32(3),
                Text(reader, 4), reader.IsDBNull(5) ? null : IpAddress128.From(reader.GetFieldValue<IPAddress>(5)), Text(reader, 6),
                reader.GetBoolean(7), Text(reader, 8), reader.GetString(10))
            {
                Argument = Text(reader, 9),
                LineNumber = reader.GetInt64(11),
            });
        }
    }

    /// <summary>Line counts and period of the stored sources, shaped like a read's <see cref="InputStats"/>.</summary>
    public async Task<(List<string> Files, long Lines, long Sendmail, long Other, long Malformed, DateTimeOffset? First, DateTimeOffset? Last)> SourcesAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT path, lines, sendmail_lines, other_lines, malformed_lines, first_line_time, last_line_time FROM ingest_sources ORDER BY id", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var files = new List<string>();
        long lines = 0, sendmail = 0, other = 0, malformed = 0;
        DateTimeOffset? first = null, last = null;
        while (await r.ReadAsync(ct))
        {
            files.Add(r.GetString(0));
            lines += r.GetInt64(1);
            sendmail += r.GetInt64(2);
            other += r.GetInt64(3);
            malformed += r.GetInt64(4);
            if (!r.IsDBNull(5) && (first is null || r.GetDateTime(5) < first))
                first = new DateTimeOffset(r.GetDateTime(5), TimeSpan.Zero);
            if (!r.IsDBNull(6) && (last is null || r.GetDateTime(6) > last))
                last = new DateTimeOffset(r.GetDateTime(6), TimeSpan.Zero);
        }
        return (files, lines, sendmail, other, malformed, first, last);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
