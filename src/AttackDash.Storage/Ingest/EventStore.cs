using System.Globalization;
using AttackDash.Core.Events;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// Writes engine events to PostgreSQL, one connection per instance. Each batch is one transaction with
/// its source's checkpoint. Lines past everything ever written for the source are COPY'd straight into
/// their month's partition with rollups summed in memory; any other batch (a resumed read) is COPY'd
/// into a temporary table and merged with ON CONFLICT DO NOTHING, and only the rows really inserted
/// reach the rollups and the per-IP summary. Either way a row is never stored or counted twice.
/// </summary>
public sealed class EventStore(string connectionString) : IAsyncDisposable
{
    private readonly HashSet<DateOnly> _partitions = [];
    private readonly Dictionary<int, long> _maxLineWritten = [];
    private NpgsqlConnection? _connection;

    /// <summary>The source with this fingerprint, created with checkpoint 0 when new.</summary>
    public async Task<(int Id, long LinesDone, long BytesSeen)> OpenSourceAsync(string fingerprint, string path, CancellationToken ct = default)
    {
        var conn = await ConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO ingest_sources (fingerprint, path, lines_done, max_line_written, bytes_seen, lines, sendmail_lines, other_lines, malformed_lines, updated_at)
            VALUES (@f, @p, 0, 0, 0, 0, 0, 0, 0, now())
            ON CONFLICT (fingerprint) DO UPDATE SET path = excluded.path
            RETURNING id, lines_done, bytes_seen, max_line_written
            """, conn);
        cmd.Parameters.AddWithValue("f", fingerprint);
        cmd.Parameters.AddWithValue("p", path);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        _maxLineWritten[reader.GetInt32(0)] = reader.GetInt64(3);
        return (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <returns>How many of the events were new.</returns>
    /// <remarks>A deadlock with another writer (possible on the ON CONFLICT path) rolls the batch back; it is simply tried again.</remarks>
    public async Task<long> WriteBatchAsync(int sourceId, IReadOnlyList<MailEvent> events, long checkpointLine, long bytesSeen, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(sourceId, events, checkpointLine, bytesSeen, ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                await Task.Delay(50 * attempt, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 5)
            {
                // Another writer of the same file got there first: merge instead of copying.
                _maxLineWritten[sourceId] = long.MaxValue;
            }
            catch (NpgsqlException)
            {
                // The connection may have died after the server committed: until a write succeeds again,
                // nothing is known to be new, so the next try takes the ON CONFLICT path.
                _maxLineWritten[sourceId] = long.MaxValue;
                throw;
            }
        }
    }

    private async Task<long> WriteOnceAsync(int sourceId, IReadOnlyList<MailEvent> events, long checkpointLine, long bytesSeen, CancellationToken ct)
    {
        var conn = await ConnectionAsync(ct);
        await EnsurePartitionsAsync(conn, events, ct);
        var written = _maxLineWritten.GetValueOrDefault(sourceId);
        var batchMax = events.Count == 0 ? 0 : events.Max(e => e.LineNumber);
        // Lines past everything ever written cannot clash: COPY them straight in. Only a resumed read
        // can produce lines written before, and those go through the temporary table and ON CONFLICT.
        var fresh = events.Count == 0 || events.Min(e => e.LineNumber) > written;
        await using var tx = await conn.BeginTransactionAsync(ct);
        long inserted, maxWritten;
        if (fresh)
        {
            // Straight into each month's partition: routing every row through the parent costs a third.
            foreach (var month in events.GroupBy(e => MonthOf(e.Time)))
                await CopyAsync(conn, PartitionName(month.Key), sourceId, month.ToList(), ct);
            await new BatchRollups(events).UpsertAsync(conn, tx, ct);
            inserted = events.Count;
        }
        else
        {
            await using (var temp = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS batch_events (LIKE events) ON COMMIT DELETE ROWS", conn, tx))
                await temp.ExecuteNonQueryAsync(ct);
            await CopyAsync(conn, "batch_events", sourceId, events, ct);
            await using var merge = new NpgsqlCommand(MergeSql, conn, tx);
            inserted = Convert.ToInt64(await merge.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        await using (var checkpoint = new NpgsqlCommand(
            "UPDATE ingest_sources SET lines_done = GREATEST(lines_done, @n), max_line_written = GREATEST(max_line_written, @w), bytes_seen = GREATEST(bytes_seen, @b), updated_at = now() WHERE id = @id RETURNING max_line_written", conn, tx))
        {
            checkpoint.Parameters.AddWithValue("n", checkpointLine);
            checkpoint.Parameters.AddWithValue("w", batchMax);
            checkpoint.Parameters.AddWithValue("b", bytesSeen);
            checkpoint.Parameters.AddWithValue("id", sourceId);
            maxWritten = Convert.ToInt64(await checkpoint.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        await tx.CommitAsync(ct);
        _maxLineWritten[sourceId] = maxWritten;
        return inserted;
    }

    /// <summary>Records the line counts and time span of a complete read; a later read of a copy with no new lines leaves them as they were.</summary>
    public async Task RecordReadAsync(int sourceId, AttackDash.Core.Input.InputStats stats, CancellationToken ct = default)
    {
        var conn = await ConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "UPDATE ingest_sources SET lines = @l, sendmail_lines = @s, other_lines = @o, malformed_lines = @m, " +
            "first_line_time = @f, last_line_time = @t WHERE id = @id AND (lines = 0 OR lines < @l)", conn);
        cmd.Parameters.AddWithValue("l", stats.Lines);
        cmd.Parameters.AddWithValue("s", stats.SendmailLines);
        cmd.Parameters.AddWithValue("o", stats.OtherLines);
        cmd.Parameters.AddWithValue("m", stats.MalformedLines);
        cmd.Parameters.Add(new NpgsqlParameter("f", NpgsqlDbType.TimestampTz) { Value = (object?)stats.First?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.TimestampTz) { Value = (object?)stats.Last?.UtcDateTime ?? DBNull.Value });
        cmd.Parameters.AddWithValue("id", sourceId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static readonly string MergeSql = $"""
        WITH ins AS (
            INSERT INTO events SELECT * FROM batch_events ON CONFLICT DO NOTHING
            RETURNING time, kind, client_ip),
        by_ip AS (
            INSERT INTO hourly_ip_kind (hour, ip, kind, events)
            SELECT date_trunc('hour', time), client_ip, kind, count(*) FROM ins WHERE client_ip IS NOT NULL GROUP BY 1, 2, 3
            ON CONFLICT (hour, ip, kind) DO UPDATE SET events = hourly_ip_kind.events + excluded.events),
        by_day AS (
            INSERT INTO daily_ip_kind (day, ip, kind, events)
            SELECT (time AT TIME ZONE 'UTC')::date, client_ip, kind, count(*) FROM ins WHERE client_ip IS NOT NULL GROUP BY 1, 2, 3
            ON CONFLICT (day, ip, kind) DO UPDATE SET events = daily_ip_kind.events + excluded.events),
        by_kind AS (
            INSERT INTO hourly_kind (hour, kind, events, unattributed)
            SELECT date_trunc('hour', time), kind, count(*), count(*) FILTER (WHERE client_ip IS NULL) FROM ins GROUP BY 1, 2
            ON CONFLICT (hour, kind) DO UPDATE SET events = hourly_kind.events + excluded.events,
                unattributed = hourly_kind.unattributed + excluded.unattributed),
        summary AS (
            INSERT INTO ip_summary (ip, first_seen, last_seen, attack_events, success_events)
            SELECT client_ip, min(time), max(time),
                   count(*) FILTER (WHERE kind IN {EventKindSql.AttackKinds}), count(*) FILTER (WHERE kind IN {EventKindSql.SuccessKinds})
            FROM ins WHERE client_ip IS NOT NULL GROUP BY client_ip
            ON CONFLICT (ip) DO UPDATE SET first_seen = LEAST(ip_summary.first_seen, excluded.first_seen),
                last_seen = GREATEST(ip_summary.last_seen, excluded.last_seen),
                attack_events = ip_summary.attack_events + excluded.attack_events,
                success_events = ip_summary.success_events + excluded.success_events)
        SELECT count(*) FROM ins
        """;

    private static async Task CopyAsync(NpgsqlConnection conn, string table, int sourceId, IReadOnlyList<MailEvent> events, CancellationToken ct)
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

    /// <summary>Creates the monthly partitions a batch needs, in a short transaction of their own so writers do not queue behind DDL.</summary>
    private async Task EnsurePartitionsAsync(NpgsqlConnection conn, IReadOnlyList<MailEvent> events, CancellationToken ct)
    {
        var months = events.Select(e => MonthOf(e.Time)).Where(m => !_partitions.Contains(m)).Distinct().ToList();
        if (months.Count == 0)
            return;
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7311001)", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        foreach (var m in months)
        {
            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS {PartitionName(m)} PARTITION OF events FOR VALUES FROM ('{m:yyyy-MM-dd}') TO ('{m.AddMonths(1):yyyy-MM-dd}')");
            await using var create = new NpgsqlCommand(sql, conn, tx);
            await create.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        _partitions.UnionWith(months);
    }

    private static DateOnly MonthOf(DateTimeOffset t) => new(t.UtcDateTime.Year, t.UtcDateTime.Month, 1);

    internal static string PartitionName(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"events_{month:yyyy}_{month:MM}");

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return _connection;
        if (_connection is not null)
            await _connection.DisposeAsync();
        // Rollup hours are UTC hours whatever the server's zone.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timezone = "UTC" }.ConnectionString);
        await _connection.OpenAsync(ct);
        // A crash of the server may lose the last batches, never half of one: each commits with its
        // checkpoint, so the next run reads them again. Not waiting for the WAL flush doubles the rate.
        await using var async = new NpgsqlCommand("SET synchronous_commit = off", _connection);
        await async.ExecuteNonQueryAsync(ct);
        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}
