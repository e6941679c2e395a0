using System.Globalization;
using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>The month partitions of events: created before a batch needs them, refreshed after an import.</summary>
public sealed partial class EventStore
{
    /// <summary>Creates the monthly partitions a batch needs, in a short transaction of their own so writers do not queue behind DDL.</summary>
    private async Task EnsurePartitionsAsync(NpgsqlConnection conn, IEnumerable<DateOnly> batchMonths, CancellationToken ct)
    {
        var months = batchMonths.Where(m => !_partitions.Contains(m)).ToList();
        if (months.Count == 0)
            return;
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7311001)", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        foreach (var m in months)
        {
            // Not CREATE TABLE ... PARTITION OF: it locks events ACCESS EXCLUSIVE, so it waits for every
            // writer whose COPY into another month is still open. Such a writer may itself be waiting for
            // this one to commit first (batches commit in order): a cycle through the client that the
            // server cannot see, and both stood still until the command timeout. ATTACH takes SHARE
            // UPDATE EXCLUSIVE, which open writers and readers do not block.
            var name = PartitionName(m);
            var sql = string.Create(CultureInfo.InvariantCulture, $"""
                CREATE TABLE IF NOT EXISTS {name} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = '{name}'::regclass) THEN
                        ALTER TABLE events ATTACH PARTITION {name} FOR VALUES FROM ('{m:yyyy-MM-dd}') TO ('{m.AddMonths(1):yyyy-MM-dd}');
                    END IF;
                END $$;
                """);
            await using var create = new NpgsqlCommand(sql, conn, tx);
            await create.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        _partitions.UnionWith(months);
    }

    internal static string PartitionName(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"events_{month:yyyy}_{month:MM}");

    /// <summary>
    /// After a bulk import, brings the partitions it wrote up to date for the planner, as
    /// autovacuum would some minutes later: summarizes the new block ranges of the BRIN index on time
    /// (each unsummarized range is read by every query that the index serves) and runs ANALYZE (with no
    /// statistics, the IP page reads a heavy hitter's whole month instead of its newest hours: 530 ms
    /// against 229). About half a second per month written. A writer that does not own the partitions
    /// leaves this to autovacuum.
    /// </summary>
    /// <param name="months">The months written, by this store or the others of the same import (<see cref="TakeWrittenMonths"/>).</param>
    public async Task RefreshPartitionsAsync(IEnumerable<DateOnly> months, CancellationToken ct = default)
    {
        var conn = await ConnectionAsync(ct);
        foreach (var month in months.Distinct())
        {
            try
            {
                await RefreshPartitionAsync(conn, PartitionName(month), ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                return;
            }
        }
    }

    private static async Task RefreshPartitionAsync(NpgsqlConnection conn, string partition, CancellationToken ct)
    {
        await using (var summarize = new NpgsqlCommand("""
            SELECT brin_summarize_new_values(i.indexrelid) FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            WHERE i.indrelid = to_regclass(@partition) AND a.amname = 'brin'
            """, conn))
        {
            summarize.Parameters.AddWithValue("partition", partition);
            await summarize.ExecuteNonQueryAsync(ct);
        }
        await using var analyze = new NpgsqlCommand($"ANALYZE {partition}", conn);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The months this store has written to since the last call.</summary>
    public IReadOnlyList<DateOnly> TakeWrittenMonths()
    {
        var months = _writtenMonths.ToList();
        _writtenMonths.Clear();
        return months;
    }
}
