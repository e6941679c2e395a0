using System.Globalization;
using AttackDash.Core.Events;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// Writes engine events to PostgreSQL, one connection per instance. Each batch is one transaction with
/// its source's checkpoint, and a writer given the batch before it commits only after that one, so a
/// checkpoint never passes an uncommitted batch. The COPY, most of the work, runs before that wait,
/// alongside the other writers. Then, holding its source row's lock, a batch checks that nobody has
/// written any of its lines (another process reading the same file, a resumed read, a commit whose
/// answer was lost); if somebody has, it is merged instead: only its lines not yet stored are inserted.
/// Only rows really inserted reach the rollups and the per-IP summary: nothing is stored or counted twice.
/// </summary>
/// <param name="options">For <see cref="DatabaseOptions.HourlyRollupDays"/>; the default when null.</param>
public sealed partial class EventStore(NpgsqlDataSource dataSource, IOptions<DatabaseOptions>? options = null, TimeProvider? clock = null) : IAsyncDisposable
{
    private readonly int _hourlyDays = options?.Value.HourlyRollupDays ?? new DatabaseOptions().HourlyRollupDays;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly HashSet<DateOnly> _partitions = [];
    private readonly HashSet<DateOnly> _writtenMonths = [];
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
    /// <param name="after">The write of the batch read before this one, if still running: this one commits after it, and fails with it.</param>
    /// <param name="resume">A journal source's new restart point, committed with the checkpoint (null: unchanged).</param>
    /// <remarks>A deadlock with another writer rolls the batch back; it is simply tried again.</remarks>
    public async Task<long> WriteBatchAsync(int sourceId, IReadOnlyList<MailEvent> events, long checkpointLine, long bytesSeen,
        Task? after = null, CancellationToken ct = default, JournalPosition? resume = null)
    {
        var batch = new BatchMonths(events);
        var merge = batch.MinLine <= _maxLineWritten.GetValueOrDefault(sourceId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await WriteOnceAsync(sourceId, batch, events, new Advance(checkpointLine, bytesSeen, resume), after, merge, ct) is { } inserted)
                    return inserted;
                merge = true;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                await Task.Delay(50 * attempt, ct);
            }
            catch (NpgsqlException)
            {
                // The connection may have died after the server committed: until a write succeeds again,
                // nothing is known to be new, so the next try merges straight away.
                _maxLineWritten[sourceId] = long.MaxValue;
                throw;
            }
        }
    }

    /// <returns>The new events, or null when some of the lines turned out to be stored already (nothing was written).</returns>
    private async Task<long?> WriteOnceAsync(int sourceId, BatchMonths batch, IReadOnlyList<MailEvent> events, Advance advance,
        Task? after, bool merge, CancellationToken ct)
    {
        var conn = await ConnectionAsync(ct);
        await EnsurePartitionsAsync(conn, batch.ByMonth.Keys, ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long inserted;
        if (merge)
        {
            await InOrder(after);
            await LockSourceAsync(conn, tx, sourceId, ct);
            inserted = await BatchMerge.InsertNewAsync(conn, tx, sourceId, events, HourlySince, ct);
        }
        else
        {
            // Straight into each month's partition: routing every row through the parent costs a third.
            foreach (var (month, monthEvents) in batch.ByMonth)
                await EventCopy.CopyAsync(conn, PartitionName(month), sourceId, monthEvents, ct);
            await InOrder(after);
            if (await LockSourceAsync(conn, tx, sourceId, ct) >= batch.MinLine)
            {
                await tx.RollbackAsync(ct);
                return null;
            }
            await new BatchRollups(events, HourlySince).UpsertAsync(conn, tx, ct);
            inserted = events.Count;
        }
        _writtenMonths.UnionWith(batch.ByMonth.Keys);
        _maxLineWritten[sourceId] = await AdvanceAsync(conn, tx, sourceId, advance, batch.MaxLine, ct);
        await tx.CommitAsync(ct);
        return inserted;
    }

    // The earlier batch's failure is this one's too: committing past it would skip its lines.
    private static Task InOrder(Task? after) => after ?? Task.CompletedTask;

    /// <summary>Locks the source row until commit, so that writers of one source take turns here; returns the last line ever written.</summary>
    private static async Task<long> LockSourceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int sourceId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT max_line_written FROM ingest_sources WHERE id = @id FOR UPDATE", conn, tx);
        cmd.Parameters.AddWithValue("id", sourceId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<long> AdvanceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int sourceId, Advance advance, long batchMax, CancellationToken ct)
    {
        // SET sees the old row, so both resume columns move together, and only forward.
        await using var cmd = new NpgsqlCommand("""
            UPDATE ingest_sources SET lines_done = GREATEST(lines_done, @n), max_line_written = GREATEST(max_line_written, @w),
                bytes_seen = GREATEST(bytes_seen, @b), updated_at = now(),
                resume_cursor = CASE WHEN @rl > resume_line THEN @rc ELSE resume_cursor END, resume_line = GREATEST(resume_line, @rl)
            WHERE id = @id RETURNING max_line_written
            """, conn, tx);
        cmd.Parameters.AddWithValue("n", advance.Checkpoint);
        cmd.Parameters.AddWithValue("w", batchMax);
        cmd.Parameters.AddWithValue("b", advance.BytesSeen);
        cmd.Parameters.AddWithValue("rl", advance.Resume?.Line ?? -1);
        cmd.Parameters.Add(new NpgsqlParameter("rc", NpgsqlDbType.Text) { Value = (object?)advance.Resume?.Cursor ?? DBNull.Value });
        cmd.Parameters.AddWithValue("id", sourceId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private readonly record struct Advance(long Checkpoint, long BytesSeen, JournalPosition? Resume);

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

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
            return _connection;
        if (_connection is not null)
            await _connection.DisposeAsync();
        // The data source sets the UTC zone that rollup hours need.
        _connection = await dataSource.OpenConnectionAsync(ct);
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
