using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

/// <summary>The plumbing the dashboard's query classes share: one short-lived connection per query, typed parameters.</summary>
internal static class Sql
{
    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource dataSource, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(parameters);
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }

    public static NpgsqlParameter Param(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    public static string? Text(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
