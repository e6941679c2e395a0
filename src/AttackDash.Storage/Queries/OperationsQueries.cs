using Npgsql;

namespace AttackDash.Storage.Queries;

/// <summary>One log path's progress as the store has it, whichever worker (this host's or a mail host's) wrote it.</summary>
public sealed record SourceProgress(string Path, long Lines, DateTimeOffset LastCommit);

/// <summary>What /metrics reports from the store: the active blocks, the open review items and each log's progress.</summary>
public sealed record OperationsSnapshot(long ActiveBlocks, long OpenReviewItems, IReadOnlyList<SourceProgress> Sources);

/// <summary>Reads an <see cref="OperationsSnapshot"/> in one round trip; a few small tables, never the events.</summary>
public sealed class OperationsQueries(NpgsqlDataSource dataSource) : IOperationsQueries
{
    /// <summary>At most this many paths: each is a label value, and a scraper stores every one.</summary>
    public const int MaxSources = 500;

    public async Task<OperationsSnapshot> ReadAsync(DateTimeOffset now, TimeSpan recent, CancellationToken ct = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT count(*) FROM blocks WHERE state = 'Active' AND (expires_at IS NULL OR expires_at > $1)", now));
        batch.BatchCommands.Add(Command("SELECT count(*) FROM review_items i JOIN reviews r ON r.id = i.review_id WHERE r.closed_at IS NULL AND i.decision IS NULL"));
        batch.BatchCommands.Add(Command(
            $"SELECT path, sum(lines_done)::bigint, max(updated_at) FROM ingest_sources GROUP BY path HAVING max(updated_at) > $1 ORDER BY max(updated_at) DESC LIMIT {MaxSources}",
            now - recent));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var blocks = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var open = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var sources = new List<SourceProgress>();
        while (await reader.ReadAsync(ct))
            sources.Add(new SourceProgress(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
        return new OperationsSnapshot(blocks, open, sources);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
