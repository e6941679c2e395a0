using AttackDash.Storage;
using Npgsql;

namespace AttackDash.Tests.Shared;

internal static class TestCli
{
    /// <summary>
    /// Runs a command on the test's database, given as its settings: no process-wide variable, so collections
    /// may run in parallel. The generated logs are from 2024: ingest keeps their per-IP hours (ten years
    /// back), so that the tests check the hourly rollup too; HourlyRollupTests checks the default horizon.
    /// </summary>
    public static (int Exit, string Stdout, string Stderr) Run(string connectionString, params string[] args) =>
        CliRunner.Run(new Dictionary<string, string?>(CliRunner.NoGeoIp)
        {
            ["ConnectionStrings:AttackDash"] = connectionString,
            ["Database:HourlyRollupDays"] = "3660",
        }, args);

    public static string Generate(string dir, int lines, int seed, int days = 60)
    {
        var log = Path.Combine(dir, "maillog");
        var (exit, _, err) = CliRunner.Run("generate", "--out", log, "--lines", $"{lines}", "--seed", $"{seed}", "--days", $"{days}", "--start", "2024-12-01");
        Assert.True(exit == 0, err);
        return log;
    }
}

internal static class TestSql
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Each row of <paramref name="sql"/> as its columns' text joined by '|', for comparing whole answers.</summary>
    public static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}

internal static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>An account whose one-time password was already changed, as after its first sign-in; returns its password.</summary>
    public static async Task<string> ReadyAsync(string connectionString, string name, string role)
    {
        var users = new AttackDash.Storage.Accounts.UserService(Store.Of(connectionString));
        var oneTime = await users.CreateAsync(name, role);
        await users.ChangePasswordAsync(name, oneTime, Password, keepSession: null);
        return Password;
    }
}

/// <summary>The tests' data sources, one per test database, as a host has one; closed when the next test's database is made.</summary>
internal static class Store
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Npgsql.NpgsqlDataSource> Sources = new();

    public static Npgsql.NpgsqlDataSource Of(string connectionString) => Sources.GetOrAdd(connectionString, StoreDataSource.Create);

    /// <summary>A writer that keeps per-IP hours ten years back, as <see cref="TestCli.Run"/> does.</summary>
    public static AttackDash.Storage.Ingest.EventStore Writer(string connectionString) =>
        new(Of(connectionString), Microsoft.Extensions.Options.Options.Create(new AttackDash.Storage.Hosting.DatabaseOptions { HourlyRollupDays = 3660 }));

    public static async Task CloseAllAsync()
    {
        foreach (var cs in Sources.Keys)
        {
            if (Sources.TryRemove(cs, out var source))
                await source.DisposeAsync();
        }
    }
}
