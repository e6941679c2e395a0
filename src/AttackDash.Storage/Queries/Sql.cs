using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

/// <summary>The plumbing the dashboard's query classes share: one short-lived connection per query, typed parameters.</summary>
internal static class Sql
{
    public static async Task<List<T>> ListAsync<T>(string connectionString, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(parameters);
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>@from and @to as UTC days, for the daily rollup.</summary>
    public static NpgsqlParameter[] Days(DateOnly from, DateOnly to) =>
        [new("from", NpgsqlDbType.Date) { Value = from }, new("to", NpgsqlDbType.Date) { Value = to }];

    /// <summary>@from and @to as instants (midnight UTC), for the hourly rollups and raw events.</summary>
    public static NpgsqlParameter[] Instants(DateOnly from, DateOnly to) =>
    [
        new("from", NpgsqlDbType.TimestampTz) { Value = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) },
        new("to", NpgsqlDbType.TimestampTz) { Value = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) },
    ];

    public static NpgsqlParameter Param(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    public static string? Text(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long? Long(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static double? Double(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
